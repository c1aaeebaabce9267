#pragma once
// Gets the CSV files of a data export out of what the user has: the ZIP the
// network sent, the folder it was extracted to, or one of its CSV files.
#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace vigie::cli {

// A data export's CSV is a few MB (30,000 rows take about 6); a file over this
// is refused, from the ZIP's headers and again while reading, so a hostile
// archive or a path to /dev/zero never fills the memory.
inline constexpr std::size_t max_export_file_bytes = std::size_t{32} << 20;

// Contents of the files among `wanted` (base names such as "Invitations.csv")
// found in `path`, keyed by base name; absent files are simply not in the map.
// In a ZIP or a folder a file may sit in a subfolder (some unzip tools add
// one); the shallowest copy wins. Throws vigie::error: not_found when `path`
// does not exist, bad_import when it is not a readable ZIP.
std::map<std::string, std::string> read_export_files(const std::filesystem::path& path,
                                                     const std::set<std::string>& wanted);

}  // namespace vigie::cli
