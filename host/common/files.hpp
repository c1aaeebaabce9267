#pragma once
// Whole-file reads, shared by the host (allowed-callers, lexicons) and the CLI
// (manifests, export files), in C stdio: no stream state or locale to set up
// for a read that either gets every byte or fails.
#include <filesystem>
#include <optional>
#include <string>

namespace vigie {

// The file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> read_whole_file(const std::filesystem::path& file);

}  // namespace vigie
