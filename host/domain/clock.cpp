#include "domain/clock.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "common/error.hpp"

namespace vigie::domain {

millis system_clock::now() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

millis local_to_epoch(std::tm tm) {
  tm.tm_isdst = -1;  // let mktime decide: this is what makes DST days right
  const std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1)) throw error(errc::bad_request, "time out of range");
  return static_cast<millis>(t) * 1000;
}

std::tm to_local(millis at) {
  std::time_t t = static_cast<std::time_t>(at >= 0 ? at / 1000 : (at - 999) / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

}  // namespace

millis parse_iso8601(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, consumed = 0;
  const char* p = text.c_str();
  if (std::sscanf(p, "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10)
    throw error(errc::bad_request, "not an ISO 8601 date: " + text);
  p += consumed;
  if (*p == 'T' || *p == ' ') {
    ++p;
    int n = 0;
    if (std::sscanf(p, "%2d:%2d%n", &h, &mi, &n) != 2) throw error(errc::bad_request, "bad time in: " + text);
    p += n;
    if (*p == ':') {
      ++p;
      if (std::sscanf(p, "%2d%n", &s, &n) != 1) throw error(errc::bad_request, "bad seconds in: " + text);
      p += n;
    }
    int frac_ms = 0;
    if (*p == '.') {
      ++p;
      int digits = 0;
      while (*p >= '0' && *p <= '9') {
        if (digits < 3) frac_ms = frac_ms * 10 + (*p - '0');
        ++digits;
        ++p;
      }
      for (; digits < 3; ++digits) frac_ms *= 10;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
      throw error(errc::bad_request, "date field out of range: " + text);
    if (*p == '\0') {
      std::tm tm{};
      tm.tm_year = y - 1900; tm.tm_mon = mo - 1; tm.tm_mday = d;
      tm.tm_hour = h; tm.tm_min = mi; tm.tm_sec = s;
      return local_to_epoch(tm) + frac_ms;
    }
    int offset_min = 0;
    if (*p == 'Z' && p[1] == '\0') {
      offset_min = 0;
    } else if ((*p == '+' || *p == '-')) {
      int oh = 0, om = 0;
      const int sign = *p == '-' ? -1 : 1;
      ++p;
      if (std::sscanf(p, "%2d:%2d%n", &oh, &om, &n) == 2 && p[n] == '\0') {
      } else if (std::sscanf(p, "%2d%2d%n", &oh, &om, &n) == 2 && p[n] == '\0') {
      } else {
        throw error(errc::bad_request, "bad zone offset in: " + text);
      }
      offset_min = sign * (oh * 60 + om);
    } else {
      throw error(errc::bad_request, "trailing characters in: " + text);
    }
    const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    const std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - offset_min * 60;
    return secs * 1000 + frac_ms;
  }
  if (*p != '\0') throw error(errc::bad_request, "trailing characters in: " + text);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) throw error(errc::bad_request, "date field out of range: " + text);
  std::tm tm{};
  tm.tm_year = y - 1900; tm.tm_mon = mo - 1; tm.tm_mday = d;
  return local_to_epoch(tm);
}

std::string format_iso8601_utc(millis at) {
  std::time_t t = static_cast<std::time_t>(at >= 0 ? at / 1000 : (at - 999) / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  const int ms = static_cast<int>(((at % 1000) + 1000) % 1000);
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

std::unique_ptr<clock> clock_from_environment() {
  if (const char* now = std::getenv("VIGIE_NOW"); now && *now)
    return std::make_unique<fixed_clock>(parse_iso8601(now));
  return std::make_unique<system_clock>();
}

millis local_day_start(millis at) {
  std::tm tm = to_local(at);
  tm.tm_hour = 0; tm.tm_min = 0; tm.tm_sec = 0;
  return local_to_epoch(tm);
}

millis local_month_start(millis at) {
  std::tm tm = to_local(at);
  tm.tm_mday = 1; tm.tm_hour = 0; tm.tm_min = 0; tm.tm_sec = 0;
  return local_to_epoch(tm);
}

std::string local_date(millis at) {
  const std::tm tm = to_local(at);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

std::string format_iso8601_local(millis at) {
  const std::tm tm = to_local(at);
  const long offset_min = tm.tm_gmtoff / 60;
  const long abs_min = offset_min < 0 ? -offset_min : offset_min;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, offset_min < 0 ? '-' : '+', abs_min / 60, abs_min % 60);
  return buf;
}

}  // namespace vigie::domain
