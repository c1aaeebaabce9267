#pragma once
// Injectable clock: domain logic never reads the system time directly, so tests
// (and VIGIE_NOW) can pin "now" to the millisecond.
#include <cstdint>
#include <memory>
#include <string>

namespace vigie::domain {

using millis = std::int64_t;  // milliseconds since the Unix epoch, UTC

class clock {
 public:
  virtual ~clock() = default;
  virtual millis now() const = 0;
};

class system_clock final : public clock {
 public:
  millis now() const override;
};

class fixed_clock final : public clock {
 public:
  explicit fixed_clock(millis at) : at_(at) {}
  millis now() const override { return at_; }
  void set(millis at) { at_ = at; }
  void advance(millis by) { at_ += by; }

 private:
  millis at_;
};

// Parses ISO 8601 ("2026-03-29T01:30:00Z", "+02:00" offsets, or no zone =
// local time of the process TZ). Throws vigie::error(bad_request) on garbage.
millis parse_iso8601(const std::string& text);
std::string format_iso8601_utc(millis at);

// VIGIE_NOW if set (fixed clock), else the system clock.
std::unique_ptr<clock> clock_from_environment();

// Local calendar helpers (process TZ, DST-correct through mktime).
millis local_day_start(millis at);    // 00:00 local of the day containing at
millis local_month_start(millis at);  // 1st of the month 00:00 local
std::string local_date(millis at);    // "YYYY-MM-DD" in local time
// "2026-11-21T14:03:05+01:00": local time with its UTC offset, so a reader in
// another zone (or a spreadsheet) gets the same instant.
std::string format_iso8601_local(millis at);

}  // namespace vigie::domain
