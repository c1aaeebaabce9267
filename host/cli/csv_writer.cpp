#include "cli/csv_writer.hpp"

namespace vigie::cli {

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted;
  quoted.reserve(field.size() + 2);
  quoted += '"';
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

csv_writer::csv_writer(std::ostream& out, bool with_bom) : out_(out) {
  if (with_bom) out_ << "\xEF\xBB\xBF";
}

void csv_writer::row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out_ << ',';
    out_ << csv_escape(fields[i]);
  }
  out_ << "\r\n";
}

}  // namespace vigie::cli
