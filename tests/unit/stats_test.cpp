// Calendar arithmetic for stats: local days across DST, weeks, age buckets.
#include <doctest/doctest.h>

#include "domain/limits.hpp"
#include "domain/stats.hpp"
#include "ledger_fixture.hpp"

using namespace vigie::domain;

TEST_CASE("local days across a DST change are 23 and 25 hours long, none skipped") {
  vigie::testing::scoped_tz tz("Europe/Paris");
  const auto spring = local_day_starts(parse_iso8601("2026-03-30T12:00:00"), 3);
  REQUIRE(spring.size() == 3);
  CHECK(local_date(spring[0]) == "2026-03-28");
  CHECK(local_date(spring[1]) == "2026-03-29");
  CHECK(spring[2] - spring[1] == 23 * 3'600'000);
  const auto autumn = local_day_starts(parse_iso8601("2026-10-26T12:00:00"), 2);
  CHECK(local_date(autumn[0]) == "2026-10-25");
  CHECK(autumn[1] - autumn[0] == 25 * 3'600'000);
}

TEST_CASE("weeks start on Monday at local midnight") {
  vigie::testing::scoped_tz tz("Europe/Paris");
  CHECK(local_date(local_week_start(parse_iso8601("2026-11-21T23:59:00"))) == "2026-11-16");  // a Saturday
  CHECK(local_week_start(parse_iso8601("2026-11-16T00:00:00")) == parse_iso8601("2026-11-16T00:00:00"));
  CHECK(local_date(local_week_start(parse_iso8601("2026-11-15T23:59:59"))) == "2026-11-09");
}

TEST_CASE("pending ages fall in the 0-7, 8-21, 22-90 and 90+ buckets by whole days") {
  struct row { std::int64_t days; int bucket; };
  const row rows[] = {{0, 0}, {7, 0}, {8, 1}, {21, 1}, {22, 2}, {90, 2}, {91, 3}, {400, 3}};
  for (const auto& r : rows) {
    CAPTURE(r.days);
    CHECK(pending_age_bucket(r.days) == r.bucket);
  }
  CHECK(age_days(1000, 1000 + 8 * ms_per_day - 1) == 7);
}

TEST_CASE("sends are counted on their local day, the first one at midnight included") {
  vigie::testing::scoped_tz tz("Europe/Paris");
  const auto now = parse_iso8601("2026-03-29T22:00:00");
  const auto days = local_day_starts(now, 2);
  const auto counts = bucket_by_day(days, {parse_iso8601("2026-03-28T23:59:59"), parse_iso8601("2026-03-29T00:00:00"),
                                           parse_iso8601("2026-03-29T03:30:00"), now + 1},
                                    now);
  CHECK(counts == std::vector<std::int64_t>{1, 2});
  CHECK_FALSE(rate(0, 0).has_value());
  CHECK(*rate(1, 4) == doctest::Approx(0.25));
}
