#pragma once
// The date formats of LinkedIn's data export. They carry no time zone, so
// they are read as local time of the process (TZ), like the person who
// downloaded the export saw them.
#include <string_view>

#include "domain/clock.hpp"

namespace vigie::domain {

// "1/29/26, 2:37 PM": US month/day/year (2- or 4-digit year; 2 digits mean
// 20yy, LinkedIn being younger than 2000), 12-hour clock. The space before
// AM/PM may be a no-break or narrow no-break space (newer exports).
// Throws vigie::error(bad_import) with the offending text.
millis parse_us_datetime(std::string_view text);

// "15 Jan 2024" (Connections.csv): local midnight of that day.
millis parse_day_month_year(std::string_view text);

}  // namespace vigie::domain
