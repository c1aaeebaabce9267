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
// while reading, so memory holds at most one record of bounded size whatever
// the file (a file of millions of commas would otherwise take gigabytes as
// empty strings).
inline constexpr std::size_t max_csv_fields = 256;                   // per record
inline constexpr std::size_t max_csv_field_bytes = 1u << 20;         // 1 MiB
inline constexpr std::size_t max_csv_record_bytes = std::size_t{4} << 20;  // 4 MiB, all fields of a record

using csv_row_fn = std::function<void(csv_row&)>;

// The streaming reader: bytes go in by feed() in chunks cut anywhere (inside
// a UTF-8 sequence, between CR and LF, inside quotes), each complete record
// goes out to `each` as soon as it ends, and finish() ends the input. Memory
// holds the record being read and at most 3 bytes of an unfinished UTF-8
// sequence, never the file.
//
// feed() and finish() throw vigie::error(bad_import) naming `source` and the
// line when the text is not CSV: not UTF-8 or holding a NUL byte, an
// unterminated quoted field, characters after a closing quote, a record of
// more than max_csv_fields fields or max_csv_record_bytes, a field over
// max_csv_field_bytes. They never throw anything else but std::bad_alloc (and
// what `each` throws).
class csv_reader {
 public:
  csv_reader(std::string_view source, csv_row_fn each);
  void feed(std::string_view chunk);
  void finish();

 private:
  enum class state { record_start, field_start, unquoted, quoted, quote_seen };
  void step(char c);                     // one byte: checked, taken, lines counted
  std::size_t plain_run(std::string_view text, std::size_t from) const;
  void append_run(std::string_view run);  // bytes plain_run() found
  void take(char c);                     // one byte, UTF-8 already checked
  void check_utf8(unsigned char b);      // one byte of the UTF-8 check
  bool separator(char c);                // ends the field (and the record) on ',' or a line end
  void end_field();
  void end_record();
  void append(char c);
  [[noreturn]] void fail(std::size_t line, const std::string& what) const;
  [[noreturn]] void fail_not_utf8() const;  // names lead_ and lead_line_

  std::string source_;
  csv_row_fn each_;
  state state_ = state::record_start;
  std::size_t line_ = 1;           // line of the byte being read
  bool after_cr_ = false;          // the previous byte was a CR (a following LF ends no new line)
  std::size_t opened_at_ = 0;      // line of the quote that opened the current quoted field
  std::string bom_;                // the first bytes, until they are known not to start a BOM
  bool started_ = false;
  // UTF-8 check: continuation bytes still expected, the range of the next
  // one, and the lead byte and line to name in an error.
  int pending_ = 0;
  unsigned char next_lo_ = 0x80, next_hi_ = 0xBF;
  unsigned char lead_ = 0;
  std::size_t lead_line_ = 0;
  csv_row row_;
  std::string field_;
  std::size_t record_bytes_ = 0;
  bool finished_ = false;
};

// The whole text at once. read_csv collects the rows (tests, small files);
// for_each_csv_row hands them over one at a time.
std::vector<csv_row> read_csv(std::string_view text, std::string_view source = "input");
void for_each_csv_row(std::string_view text, std::string_view source, const csv_row_fn& each);

}  // namespace vigie::domain
