#pragma once
// Gets the CSV files of a data export out of what the user has: the ZIP the
// network sent, the folder it was extracted to, or one of its CSV files.
#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace vigie::cli {

// Contents of the files among `wanted` (base names such as "Invitations.csv")
// found in `path`, keyed by base name; absent files are simply not in the map.
// In a ZIP or a folder a file may sit in a subfolder (some unzip tools add
// one); the shallowest copy wins. Throws vigie::error: not_found when `path`
// does not exist, bad_import when it is not a readable ZIP.
std::map<std::string, std::string> read_export_files(const std::filesystem::path& path,
                                                     const std::set<std::string>& wanted);

}  // namespace vigie::cli
