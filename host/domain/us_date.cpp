#include "domain/us_date.hpp"

#include <array>
#include <cctype>
#include <ctime>
#include <string>

#include "common/error.hpp"

namespace vigie::domain {

namespace {

class scanner {
 public:
  explicit scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }

  // Reads 1..max_digits digits; -1 if there are none.
  int number(std::size_t max_digits, std::size_t* digits = nullptr) {
    int value = 0;
    std::size_t n = 0;
    while (n < max_digits && pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
      ++n;
    }
    if (digits) *digits = n;
    return n == 0 ? -1 : value;
  }

  bool literal(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // ASCII space, U+00A0 or U+202F (what ICU puts before AM/PM since 2023).
  std::size_t spaces() {
    std::size_t n = 0;
    for (;;) {
      const auto rest = text_.substr(pos_);
      if (rest.starts_with(' ')) pos_ += 1;
      else if (rest.starts_with("\xC2\xA0")) pos_ += 2;
      else if (rest.starts_with("\xE2\x80\xAF")) pos_ += 3;
      else return n;
      ++n;
    }
  }

  std::string_view word() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

[[noreturn]] void bad(std::string_view text, std::string_view expected) {
  throw error(errc::bad_import, "bad date \"" + std::string(text) + "\" (expected " + std::string(expected) + ")");
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

millis local_time(int y, int mo, int d, int h, int mi) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_isdst = -1;  // mktime picks DST or not for that day
  const std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1)) throw error(errc::bad_import, "date out of range");
  return static_cast<millis>(t) * 1000;
}

}  // namespace

millis parse_us_datetime(std::string_view text) {
  constexpr std::string_view format = "M/D/YY, H:MM AM|PM";
  scanner s(text);
  std::size_t year_digits = 0;
  const int month = s.number(2);
  if (month < 0 || !s.literal('/')) bad(text, format);
  const int day = s.number(2);
  if (day < 0 || !s.literal('/')) bad(text, format);
  int year = s.number(4, &year_digits);
  if (year < 0 || (year_digits != 2 && year_digits != 4)) bad(text, format);
  if (year_digits == 2) year += 2000;
  if (!s.literal(',') || s.spaces() == 0) bad(text, format);
  const int hour12 = s.number(2);
  if (hour12 < 0 || !s.literal(':')) bad(text, format);
  std::size_t minute_digits = 0;
  const int minute = s.number(2, &minute_digits);
  if (minute < 0 || minute_digits != 2) bad(text, format);
  s.spaces();
  const auto meridiem = s.word();
  if (!s.done()) bad(text, format);
  const bool pm = iequals(meridiem, "PM");
  if (!pm && !iequals(meridiem, "AM")) bad(text, format);
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour12 < 1 || hour12 > 12 ||
      minute > 59)
    bad(text, "a real date and a 12-hour time");
  // 12 AM is midnight, 12 PM is noon.
  const int hour = hour12 % 12 + (pm ? 12 : 0);
  return local_time(year, month, day, hour, minute);
}

millis parse_day_month_year(std::string_view text) {
  constexpr std::string_view format = "D Mon YYYY, e.g. 15 Jan 2024";
  static constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  scanner s(text);
  const int day = s.number(2);
  if (day < 0 || s.spaces() == 0) bad(text, format);
  const auto name = s.word();
  int month = 0;
  for (std::size_t i = 0; i < months.size(); ++i)
    if (iequals(name, months[i])) month = static_cast<int>(i) + 1;
  if (month == 0 || s.spaces() == 0) bad(text, format);
  std::size_t year_digits = 0;
  const int year = s.number(4, &year_digits);
  if (year < 0 || year_digits != 4 || !s.done()) bad(text, format);
  if (day < 1 || day > days_in_month(year, month)) bad(text, "a real date");
  return local_time(year, month, day, 0, 0);
}

}  // namespace vigie::domain
