#pragma once
// The bounds every request field is held to at the door (docs/PROTOCOL.md,
// "Bounds"): a value outside them is error(bad_request) naming the field and
// the bound, before anything is computed or written. They keep arithmetic on
// times and days from overflowing and keep every reply under the 1 MiB cap.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/clock.hpp"
#include "domain/ledger.hpp"

namespace vigie::app::bounds {

// Stored times: from 2003-01-01T00:00:00Z (before either network existed) to
// one day after the host's clock (clock skew between browser and host).
inline constexpr domain::millis earliest_time = 1'041'379'200'000;
inline constexpr domain::millis future_slack = 86'400'000;
// Query filters (since/until) only compare: any time up to 9999-12-31.
inline constexpr domain::millis latest_filter_time = 253'402'300'799'999;
// Days (older_than_days), like the retention_days setting: the ledger's bound.
inline constexpr std::int64_t max_days = domain::max_days;
// Counts on a profile (connections, followers...).
inline constexpr std::int64_t max_count = 1'000'000'000;
// offset of invitations.list.
inline constexpr std::int64_t max_offset = 1'000'000'000;

// Text, in bytes of UTF-8.
inline constexpr std::size_t max_url = 1024;          // profile_url, url
inline constexpr std::size_t max_short_text = 1024;   // name, headline, title, company, location, any other string
inline constexpr std::size_t max_long_text = 16384;   // note, about, invitation_message, drift detail
// Texts in replies that list many people (stats.get): cut, with "…".
inline constexpr std::size_t max_summary_text = 256;

inline void check_length(std::string_view field, std::string_view value, std::size_t max) {
  if (value.size() > max)
    throw error(errc::bad_request, "\"" + std::string(field) + "\" is " + std::to_string(value.size()) +
                                       " bytes, over its limit of " + std::to_string(max));
}

// The cap of a named text field.
inline std::size_t text_limit(std::string_view field) {
  if (field == "profile_url" || field == "url") return max_url;
  if (field == "note" || field == "about" || field == "invitation_message" || field == "detail" || field == "text")
    return max_long_text;
  return max_short_text;
}

}  // namespace vigie::app::bounds
