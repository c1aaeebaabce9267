#pragma once
// spdlog to a size-rotated file, never to stdout (stdout carries frames only).
#include <filesystem>
#include <string>

namespace vigie {

// Level from VIGIE_LOG_LEVEL (trace, debug, info, warn, error, off; default info).
// If the log folder cannot be created, logging goes to stderr instead: a host
// that dies over its log file is worse than one without.
void init_logging(const std::filesystem::path& log_dir, const std::string& file_name);

}  // namespace vigie
