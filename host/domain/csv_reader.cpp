#include "domain/csv_reader.hpp"

#include <cstdio>

#include "common/error.hpp"
#include "domain/text_fold.hpp"

namespace vigie::domain {

namespace {

[[noreturn]] void fail(std::string_view source, std::size_t line, const std::string& what) {
  throw error(errc::bad_import, std::string(source) + " line " + std::to_string(line) + ": " + what);
}

// Consumes one line end at i (CRLF, LF or CR); returns false if there is none.
bool skip_line_end(std::string_view text, std::size_t& i) {
  if (i >= text.size()) return false;
  if (text[i] == '\r') {
    ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    return true;
  }
  if (text[i] == '\n') {
    ++i;
    return true;
  }
  return false;
}

// The whole text is UTF-8 without NUL bytes, or the error names the line
// (counted as the reader counts them: CRLF, LF or a lone CR end a line).
void check_text(std::string_view text, std::string_view source) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
    if (c == '\0') fail(source, line, "NUL byte: not a text file");
    char32_t cp = 0;
    const auto len = utf8_sequence(text, i, cp);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      fail(source, line, std::string("not UTF-8 text (byte ") + hex + "); save the file as UTF-8");
    }
    i += len;
  }
}

}  // namespace

std::vector<csv_row> read_csv(std::string_view text, std::string_view source) {
  std::vector<csv_row> rows;
  for_each_csv_row(text, source, [&](csv_row& row) { rows.push_back(std::move(row)); });
  return rows;
}

void for_each_csv_row(std::string_view text, std::string_view source, const std::function<void(csv_row&)>& each) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  check_text(text, source);
  std::size_t i = 0;
  std::size_t line = 1;
  while (i < text.size()) {
    if (skip_line_end(text, i)) {
      ++line;
      continue;
    }
    csv_row row;
    row.line = line;
    for (;;) {  // one field per iteration
      std::string field;
      if (i < text.size() && text[i] == '"') {
        const std::size_t opened_at = line;
        ++i;
        for (;;) {
          if (i >= text.size()) fail(source, opened_at, "quoted field never closed (missing '\"')");
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          // A line end inside quotes is data; count it so later errors point at the right line.
          if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
          field += c;
          ++i;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
          fail(source, line, "unexpected character after a closing quote (a '\"' inside a quoted field must be doubled)");
      } else {
        const std::size_t start = i;
        while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') ++i;
        field.assign(text.substr(start, i - start));
      }
      if (field.size() > max_csv_field_bytes) fail(source, line, "a field of more than 1 MiB");
      if (row.fields.size() == max_csv_fields)
        fail(source, row.line, "more than " + std::to_string(max_csv_fields) + " fields in one record");
      row.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    each(row);
    if (skip_line_end(text, i)) ++line;
  }
}

}  // namespace vigie::domain
