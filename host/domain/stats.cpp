#include "domain/stats.hpp"

#include <algorithm>
#include <ctime>

#include "domain/limits.hpp"

namespace vigie::domain {

namespace {

std::tm local_tm(millis at) {
  std::time_t t = static_cast<std::time_t>(at >= 0 ? at / 1000 : (at - 999) / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

}  // namespace

millis add_local_days(millis day_start, int days) {
  std::tm tm = local_tm(day_start);
  tm.tm_mday += days;  // mktime normalises across months and DST
  tm.tm_hour = 0;
  tm.tm_min = 0;
  tm.tm_sec = 0;
  tm.tm_isdst = -1;
  return static_cast<millis>(std::mktime(&tm)) * 1000;
}

std::vector<millis> local_day_starts(millis now, int days) {
  std::vector<millis> out;
  if (days <= 0) return out;
  const millis today = local_day_start(now);
  out.reserve(static_cast<std::size_t>(days));
  for (int i = days - 1; i >= 0; --i) out.push_back(add_local_days(today, -i));
  return out;
}

millis local_week_start(millis at) {
  const std::tm tm = local_tm(at);
  const int since_monday = (tm.tm_wday + 6) % 7;
  return add_local_days(local_day_start(at), -since_monday);
}

int pending_age_bucket(std::int64_t days) noexcept {
  if (days <= 7) return 0;
  if (days <= 21) return 1;
  if (days <= 90) return 2;
  return 3;
}

std::int64_t age_days(millis created_at, millis now) noexcept {
  return now <= created_at ? 0 : (now - created_at) / ms_per_day;
}

std::optional<double> rate(std::int64_t accepted, std::int64_t decided) noexcept {
  if (decided <= 0) return std::nullopt;
  return static_cast<double>(accepted) / static_cast<double>(decided);
}

std::vector<std::int64_t> bucket_by_day(const std::vector<millis>& day_starts, const std::vector<millis>& times,
                                        millis now) {
  std::vector<std::int64_t> counts(day_starts.size(), 0);
  if (day_starts.empty()) return counts;
  for (const millis t : times) {
    if (t < day_starts.front() || t > now) continue;
    const auto it = std::upper_bound(day_starts.begin(), day_starts.end(), t);
    ++counts[static_cast<std::size_t>(it - day_starts.begin() - 1)];
  }
  return counts;
}

}  // namespace vigie::domain
