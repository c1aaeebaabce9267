#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "common/error.hpp"
#include "domain/us_date.hpp"
#include "unit/ledger_fixture.hpp"

using namespace vigie::domain;

namespace {

using vigie::testing::scoped_tz;

}  // namespace

TEST_CASE("US export dates are read as local time with a 12-hour clock") {
  scoped_tz tz("UTC");
  struct example {
    const char* text;
    const char* iso;
  };
  const example examples[] = {
      {"1/29/26, 2:37 PM", "2026-01-29T14:37:00Z"},
      {"1/29/26, 2:37 AM", "2026-01-29T02:37:00Z"},
      {"1/1/26, 12:00 AM", "2026-01-01T00:00:00Z"},   // midnight
      {"1/1/26, 12:59 AM", "2026-01-01T00:59:00Z"},
      {"1/1/26, 12:00 PM", "2026-01-01T12:00:00Z"},   // noon
      {"1/1/26, 11:59 PM", "2026-01-01T23:59:00Z"},
      {"12/31/2025, 1:05 pm", "2025-12-31T13:05:00Z"},  // 4-digit year, lower case
      {"2/29/24, 9:00 AM", "2024-02-29T09:00:00Z"},
      {"3/4/26, 7:08\xE2\x80\xAFPM", "2026-03-04T19:08:00Z"},  // narrow no-break space
      {"3/4/26, 7:08\xC2\xA0" "AM", "2026-03-04T07:08:00Z"},
  };
  for (const auto& ex : examples) {
    CAPTURE(ex.text);
    CHECK(format_iso8601_utc(parse_us_datetime(ex.text)) == std::string(ex.iso).insert(19, ".000"));
  }
}

TEST_CASE("US export dates follow the process time zone, DST included") {
  scoped_tz tz("Europe/Paris");
  CHECK(format_iso8601_utc(parse_us_datetime("1/29/26, 2:37 PM")) == "2026-01-29T13:37:00.000Z");
  CHECK(format_iso8601_utc(parse_us_datetime("7/1/26, 2:37 PM")) == "2026-07-01T12:37:00.000Z");
  CHECK(format_iso8601_utc(parse_day_month_year("15 Jan 2024")) == "2024-01-14T23:00:00.000Z");
}

TEST_CASE("malformed US export dates are refused with the text quoted") {
  const char* bad[] = {"",           "2026-01-29",         "1/29/26 2:37 PM",  "13/1/26, 1:00 PM",
                       "2/30/26, 1:00 PM", "1/29/26, 0:30 AM", "1/29/26, 13:00 PM", "1/29/26, 2:60 PM",
                       "1/29/26, 2:37",    "1/29/26, 2:37 PMx", "1/29/126, 2:37 PM", "1/29/26, 2:7 PM"};
  for (const char* text : bad) {
    CAPTURE(text);
    try {
      parse_us_datetime(text);
      FAIL("accepted");
    } catch (const vigie::error& e) {
      CHECK(e.code() == vigie::errc::bad_import);
      CHECK(std::string(e.what()).find(std::string("\"") + text + "\"") != std::string::npos);
    }
  }
}

TEST_CASE("Connections.csv dates are local midnight of the day") {
  scoped_tz tz("UTC");
  struct example {
    const char* text;
    const char* iso;
  };
  const example good[] = {{"15 Jan 2024", "2024-01-15T00:00:00.000Z"},
                          {"1 Dec 2009", "2009-12-01T00:00:00.000Z"},
                          {"29 feb 2024", "2024-02-29T00:00:00.000Z"}};
  for (const auto& ex : good) {
    CAPTURE(ex.text);
    CHECK(format_iso8601_utc(parse_day_month_year(ex.text)) == ex.iso);
  }
  for (const char* text : {"29 Feb 2023", "15 Janvier 2024", "15 Jan 24", "Jan 15 2024", "15 Jan 2024 x", ""}) {
    CAPTURE(text);
    CHECK_THROWS_AS(parse_day_month_year(text), vigie::error);
  }
}
