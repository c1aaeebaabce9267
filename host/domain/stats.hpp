#pragma once
// Calendar arithmetic and bucketing for stats.get, pure so the DST and
// boundary cases are unit-testable.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"

namespace vigie::domain {

// Local midnights of the `days` calendar days ending with today, oldest
// first; a DST day is 23 or 25 hours long, never skipped or doubled.
std::vector<millis> local_day_starts(millis now, int days);

// Monday 00:00 local of the week containing `at`.
millis local_week_start(millis at);

// The local midnight `days` calendar days after `day_start` (negative: before).
millis add_local_days(millis day_start, int days);

// Pending-age histogram buckets: 0-7, 8-21, 22-90, 90+ days.
inline constexpr std::array<const char*, 4> pending_age_labels = {"0-7", "8-21", "22-90", "90+"};
int pending_age_bucket(std::int64_t age_days) noexcept;
// Upper bounds on created_at per bucket, for range counting: an invitation
// created at t is in bucket i when its age in whole days falls in the range.
std::int64_t age_days(millis created_at, millis now) noexcept;

std::optional<double> rate(std::int64_t accepted, std::int64_t decided) noexcept;

// Counts `times` (any order) per day of `day_starts` (ascending); times
// outside [first start, now] are ignored.
std::vector<std::int64_t> bucket_by_day(const std::vector<millis>& day_starts, const std::vector<millis>& times,
                                        millis now);

}  // namespace vigie::domain
