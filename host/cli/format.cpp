#include "cli/format.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "domain/text_fold.hpp"

namespace vigie::cli {

namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string local_format(const nlohmann::json& value, const char* format) {
  if (!value.is_number_integer()) return "";
  const auto at = value.get<domain::millis>();
  const std::time_t t = static_cast<std::time_t>(at >= 0 ? at / 1000 : (at - 999) / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  return std::strftime(buf, sizeof buf, format, &tm) ? buf : "";
}

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string terminal_text(std::string_view text) {
  constexpr std::string_view replacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const auto len = domain::utf8_sequence(text, i, cp);
    if (len == 0) {
      out += replacement;
      ++i;
      continue;
    }
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029)
      out += ' ';
    else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp))
      out += replacement;
    else
      out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string local_minute(const nlohmann::json& value) { return local_format(value, "%Y-%m-%d %H:%M"); }
std::string local_second(const nlohmann::json& value) { return local_format(value, "%Y-%m-%d %H:%M:%S"); }

std::string cell(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::string shorten(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool starts_code_point = (c & 0xC0) != 0x80;
    if (starts_code_point && ++n > width) {
      // Drop the last kept code point to make room for the ellipsis.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty()) out.pop_back();
      return out + "\xE2\x80\xA6";
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : text[i];
  }
  return out;
}

std::string percent(const nlohmann::json& rate) {
  if (!rate.is_number()) return "n/a";
  return std::to_string(static_cast<int>(rate.get<double>() * 100.0 + 0.5)) + " %";
}

void print_table(std::ostream& out, const std::vector<std::string>& raw_header,
                 const std::vector<std::vector<std::string>>& raw_rows) {
  const auto safe = [](const std::vector<std::string>& cells) {
    std::vector<std::string> clean;
    clean.reserve(cells.size());
    for (const auto& c : cells) clean.push_back(terminal_text(c));
    return clean;
  };
  const auto header = safe(raw_header);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(raw_rows.size());
  for (const auto& r : raw_rows) rows.push_back(safe(r));
  std::vector<std::size_t> widths(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) widths[i] = code_points(header[i]);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], code_points(row[i]));
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size()) text.append(widths[i] - code_points(cells[i]) + 2, ' ');
    }
    out << text << '\n';
  };
  const bool titled = std::any_of(header.begin(), header.end(), [](const auto& h) { return !h.empty(); });
  if (titled) line(header);
  for (const auto& row : rows) line(row);
}

domain::millis parse_user_time(const std::string& text) { return domain::parse_iso8601(text); }

}  // namespace vigie::cli
