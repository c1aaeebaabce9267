#include "domain/csv_writer.hpp"

namespace vigie::domain {

bool starts_like_formula(std::string_view field) {
  return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

std::string csv_escape(std::string_view field) {
  // OWASP's rule for CSV injection: a field a spreadsheet could read as a
  // formula gets a leading ' (shown as text, never evaluated) and is quoted.
  const bool formula = starts_like_formula(field);
  if (!formula && field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted;
  quoted.reserve(field.size() + 3);
  quoted += '"';
  if (formula) quoted += '\'';
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

}  // namespace vigie::domain
