#include "domain/csv_reader.hpp"

#include <algorithm>
#include <cstdio>

#include "common/error.hpp"

namespace vigie::domain {

csv_reader::csv_reader(std::string_view source, csv_row_fn each) : source_(source), each_(std::move(each)) {}

void csv_reader::fail(std::size_t line, const std::string& what) const {
  throw error(errc::bad_import, source_ + " line " + std::to_string(line) + ": " + what);
}

void csv_reader::fail_not_utf8() const {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(lead_));
  fail(lead_line_, std::string("not UTF-8 text (byte ") + hex + "); save the file as UTF-8");
}

// A byte-at-a-time check, so a sequence cut between two chunks is checked
// like any other: RFC 3629's table of well-formed sequences (no overlong
// form, no surrogate, nothing above U+10FFFF). An error names the lead byte
// of the bad sequence and its line.
void csv_reader::check_utf8(unsigned char b) {
  if (pending_ > 0) {
    if (b < next_lo_ || b > next_hi_) fail_not_utf8();
    next_lo_ = 0x80;
    next_hi_ = 0xBF;
    --pending_;
    return;
  }
  if (b == 0) fail(line_, "NUL byte: not a text file");
  if (b < 0x80) return;
  lead_ = b;
  lead_line_ = line_;
  if (b >= 0xC2 && b <= 0xDF) {
    pending_ = 1;
  } else if (b == 0xE0) {
    pending_ = 2;
    next_lo_ = 0xA0;  // below: an overlong form of U+0000..U+07FF
  } else if (b >= 0xE1 && b <= 0xEF) {
    pending_ = 2;
    if (b == 0xED) next_hi_ = 0x9F;  // above: UTF-16 surrogates
  } else if (b == 0xF0) {
    pending_ = 3;
    next_lo_ = 0x90;  // below: overlong
  } else if (b >= 0xF1 && b <= 0xF3) {
    pending_ = 3;
  } else if (b == 0xF4) {
    pending_ = 3;
    next_hi_ = 0x8F;  // above: beyond U+10FFFF
  } else {
    fail_not_utf8();
  }
}

void csv_reader::append(char c) {
  if (field_.size() == max_csv_field_bytes) fail(line_, "a field of more than 1 MiB");
  if (++record_bytes_ > max_csv_record_bytes)
    fail(row_.line, "a record of more than " + std::to_string(max_csv_record_bytes >> 20) + " MiB");
  field_.push_back(c);
}

void csv_reader::end_field() {
  if (row_.fields.size() == max_csv_fields)
    fail(row_.line, "more than " + std::to_string(max_csv_fields) + " fields in one record");
  row_.fields.push_back(std::move(field_));
  field_.clear();
  state_ = state::field_start;
}

void csv_reader::end_record() {
  state_ = state::record_start;
  each_(row_);
  row_ = csv_row{};
  record_bytes_ = 0;
}

// A ',' ends the field, a line end the field and the record: true when `c`
// was one of them (outside quotes).
bool csv_reader::separator(char c) {
  if (c == ',') {
    end_field();
    return true;
  }
  if (c != '\r' && c != '\n') return false;
  end_field();
  end_record();
  return true;
}

void csv_reader::take(char c) {
  switch (state_) {
    case state::record_start:
      if (c == '\r' || c == '\n') return;  // a blank line, or the LF of a CRLF that ended the last record
      row_.line = line_;
      state_ = state::field_start;
      [[fallthrough]];
    case state::field_start:
      if (c == '"') {
        state_ = state::quoted;
        opened_at_ = line_;
      } else if (!separator(c)) {
        append(c);
        state_ = state::unquoted;
      }
      return;
    case state::unquoted:
      if (!separator(c)) append(c);  // a '"' here is kept as is (O"Brien)
      return;
    case state::quoted:
      if (c == '"') state_ = state::quote_seen;
      else append(c);  // line ends inside quotes are data
      return;
    case state::quote_seen:
      if (c == '"') {
        append('"');
        state_ = state::quoted;
      } else if (!separator(c)) {
        fail(line_, "unexpected character after a closing quote (a '\"' inside a quoted field must be doubled)");
      }
      return;
  }
}

void csv_reader::step(char c) {
  check_utf8(static_cast<unsigned char>(c));
  take(c);
  // CRLF, LF and a lone CR each end one line; counted at the CR of a CRLF,
  // so the count never waits for the next chunk.
  if (c == '\r') {
    ++line_;
    after_cr_ = true;
  } else {
    if (c == '\n' && !after_cr_) ++line_;
    after_cr_ = false;
  }
}

// The bytes from `from` that step() would only append to the field: ASCII
// inside a field, none of NUL, '"', CR, LF (nor ',' outside quotes). Most of
// a file is such runs; taking them whole, with the caps checked once per run,
// keeps the byte-at-a-time path for the few bytes that decide something.
std::size_t csv_reader::plain_run(std::string_view text, std::size_t from) const {
  if (pending_ > 0 || (state_ != state::unquoted && state_ != state::quoted)) return 0;
  const bool comma_ends = state_ == state::unquoted;
  std::size_t i = from;
  for (; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x80 || b == 0 || b == '"' || b == '\r' || b == '\n' || (comma_ends && b == ',')) break;
  }
  return i - from;
}

void csv_reader::append_run(std::string_view run) {
  // The first byte append() would refuse, and for which cap (the field's first, as append() checks).
  const std::size_t field_room = max_csv_field_bytes - field_.size();
  const std::size_t record_room = max_csv_record_bytes - record_bytes_;
  if (run.size() > std::min(field_room, record_room)) {
    if (field_room <= record_room) fail(line_, "a field of more than 1 MiB");
    fail(row_.line, "a record of more than " + std::to_string(max_csv_record_bytes >> 20) + " MiB");
  }
  field_.append(run);
  record_bytes_ += run.size();
  after_cr_ = false;
}

void csv_reader::feed(std::string_view chunk) {
  if (!started_) {
    // A BOM may itself be cut between chunks: hold the first 3 bytes.
    const std::size_t n = std::min(chunk.size(), std::size_t{3} - bom_.size());
    bom_.append(chunk.substr(0, n));
    chunk.remove_prefix(n);
    if (bom_.size() < 3 && !finished_) return;
    started_ = true;
    if (bom_ != "\xEF\xBB\xBF")
      for (const char c : bom_) step(c);
    bom_.clear();
  }
  for (std::size_t i = 0; i < chunk.size();) {
    if (const std::size_t n = plain_run(chunk, i)) {
      append_run(chunk.substr(i, n));
      i += n;
    } else {
      step(chunk[i++]);
    }
  }
}

void csv_reader::finish() {
  finished_ = true;
  if (!started_) feed({});  // a text of fewer than 3 bytes
  if (pending_ > 0) fail_not_utf8();  // the text ends inside a sequence
  switch (state_) {
    case state::record_start:
      return;
    case state::quoted:
      fail(opened_at_, "quoted field never closed (missing '\"')");
    case state::field_start:  // after a final comma: one more empty field
    case state::unquoted:
    case state::quote_seen:
      end_field();
      end_record();
      return;
  }
}

std::vector<csv_row> read_csv(std::string_view text, std::string_view source) {
  std::vector<csv_row> rows;
  for_each_csv_row(text, source, [&](csv_row& row) { rows.push_back(std::move(row)); });
  return rows;
}

void for_each_csv_row(std::string_view text, std::string_view source, const csv_row_fn& each) {
  csv_reader reader(source, each);
  reader.feed(text);
  reader.finish();
}

}  // namespace vigie::domain
