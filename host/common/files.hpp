#pragma once
// Whole-file reads, shared by the host (allowed-callers, lexicons) and the CLI
// (manifests, export files), in C stdio: no stream state or locale to set up
// for a read that either gets every byte or fails.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace vigie {

// The file's bytes, or nullopt when it cannot be opened or read or holds more
// than max_bytes (checked while reading: a FIFO or /dev/zero ends there too).
inline constexpr std::size_t default_max_file_bytes = std::size_t{16} << 20;
std::optional<std::string> read_whole_file(const std::filesystem::path& file,
                                           std::size_t max_bytes = default_max_file_bytes);

}  // namespace vigie
