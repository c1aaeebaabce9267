#pragma once
// Human output of the CLI: local dates, aligned tables, short text cells.
// Machine output is always --json, so these may change freely.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"

namespace vigie::cli {

// "2026-01-29 14:37" in the process time zone; "" for null.
std::string local_minute(const nlohmann::json& millis_or_null);
// "2026-01-29 14:37:05" for spreadsheets.
std::string local_second(const nlohmann::json& millis_or_null);

// Text from the data made safe for a terminal: C0 and C1 controls (ESC, so
// CSI/OSC sequences, BEL, DEL...), the bidi controls (U+061C, U+200E/F,
// U+202A-202E, U+2066-2069) and bytes that are not UTF-8 become U+FFFD;
// newlines, tabs and U+2028/2029 become a space. print_table applies it to
// every cell; other lines that quote data call it.
std::string terminal_text(std::string_view text);

// JSON scalar as a cell: strings bare, null empty, numbers and bools as JSON.
std::string cell(const nlohmann::json& value);

// At most `width` characters (code points), newlines folded to spaces, "…" when cut.
std::string shorten(std::string_view text, std::size_t width);

// "45 %" or "n/a" for a null rate in [0, 1].
std::string percent(const nlohmann::json& rate_or_null);

// Columns padded to their widest cell (counted in code points), two spaces
// apart; an all-empty header is not printed (key/value lists).
void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);

// Parses --since/--until: ISO 8601 date or date-time (local unless zoned).
domain::millis parse_user_time(const std::string& text);

}  // namespace vigie::cli
