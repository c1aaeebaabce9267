#pragma once
// RFC 4180 reader for the CSV files of data exports. Lives in the core (no
// libarchive, no CLI11) so a libFuzzer target can link it alone.
//
// Accepted beyond the RFC, because real exports do it: a UTF-8 BOM at the
// start, LF or lone CR line ends besides CRLF, a missing final line end, and
// a '"' inside an unquoted field (kept as is). Blank lines outside quotes are
// skipped rather than read as one empty field: exports use them as separators
// (Connections.csv's "Notes:" preamble), and no export row is entirely empty.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::domain {

struct csv_row {
  std::size_t line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

// Throws vigie::error(bad_import) naming `source` and the line when the text
// is not CSV: an unterminated quoted field, or characters after a closing
// quote. Never throws anything else but std::bad_alloc.
std::vector<csv_row> read_csv(std::string_view text, std::string_view source = "input");

}  // namespace vigie::domain
