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
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::domain {

struct csv_row {
  std::size_t line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

// What a data export's CSV never exceeds; beyond it the file is refused
// before the rows are built (a file of millions of commas would otherwise
// take gigabytes as empty strings).
inline constexpr std::size_t max_csv_fields = 256;             // per record
inline constexpr std::size_t max_csv_field_bytes = 1u << 20;  // 1 MiB

// Throws vigie::error(bad_import) naming `source` and the line when the text
// is not CSV: not UTF-8 or holding a NUL byte, an unterminated quoted field,
// characters after a closing quote, a record of more than max_csv_fields
// fields or a field over max_csv_field_bytes. Never throws anything else but
// std::bad_alloc.
std::vector<csv_row> read_csv(std::string_view text, std::string_view source = "input");
// The same, one record at a time: memory holds one row, whatever the file
// (the importer uses this; read_csv collects the rows).
void for_each_csv_row(std::string_view text, std::string_view source, const std::function<void(csv_row&)>& each);

}  // namespace vigie::domain
