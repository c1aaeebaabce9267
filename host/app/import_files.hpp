#pragma once
// import.files: the files a user picks in the dashboard (LinkedIn's data
// export as the ZIP it came in, or its Invitations.csv / Connections.csv) are
// imported by the same code as `vigie import linkedin-export`: there is one
// parser of that format. vigie-host does not link it (libarchive and what it
// pulls in would slow every start of the host, which the browser starts per
// port): it writes the files into a private folder under the data folder,
// runs the `vigie` program installed beside it on them, and answers its
// summary or its error.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vigie::app {

// As the CLI's cap on one file of an export (cli/import_archive.hpp).
inline constexpr std::size_t max_picked_file_bytes = std::size_t{32} << 20;
inline constexpr std::size_t max_picked_files = 4;

struct picked_file {
  std::string name;   // as the user's system named it (shown in errors, never used as a path)
  std::string bytes;
};

// Decodes standard base64 (RFC 4648, padding optional, no line breaks);
// throws vigie::error(bad_request) on anything else.
std::string decode_base64(std::string_view text);

// Imports the files with `cli` (the vigie program) into the ledger under
// `data_dir`; returns the CLI's JSON summary. Throws vigie::error with the
// CLI's own code and message (file names as the user knows them).
nlohmann::json import_picked_files(const std::vector<picked_file>& files, const std::filesystem::path& data_dir,
                                   const std::filesystem::path& cli, std::chrono::seconds timeout);

// The `vigie` program beside the running one.
std::filesystem::path sibling_cli();

}  // namespace vigie::app
