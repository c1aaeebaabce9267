#pragma once
// The pre-send check: pure functions over counts, so every rule is pinned by
// unit tests at its boundary without a database. The app gathers the counts
// (storage) and the thresholds (settings) and calls check_send.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"

namespace vigie::domain {

inline constexpr millis ms_per_day = 86'400'000;
inline constexpr millis rolling_week_ms = 7 * ms_per_day;

enum class verdict { ok, caution, stop };
std::string_view to_string(verdict v) noexcept;
std::optional<verdict> verdict_from_string(std::string_view text) noexcept;

// What a team decided each of its reasons weighs (docs/TEAM.md): caution or
// stop. The team sets them on its server; the defaults are the server's.
struct team_policy {
  verdict pending = verdict::caution;
  verdict connected = verdict::caution;
  verdict recent_withdrawal = verdict::stop;
  verdict fake = verdict::stop;
};

// Thresholds for one network and account type (see settings.hpp for the keys
// and defaults).
struct limits_config {
  std::int64_t daily_limit = 20;
  std::int64_t weekly_limit = 100;
  double caution_ratio = 0.8;
  std::int64_t note_max = 200;
  std::optional<std::int64_t> note_allowance = 5;  // nullopt: unlimited (Premium)
  double low_acceptance_rate = 0.3;
  std::int64_t low_acceptance_window = 50;
  std::int64_t low_acceptance_min_decided = 20;
  std::int64_t max_pending = 500;
  std::int64_t reinvite_days = 21;
  std::optional<std::int64_t> connection_cap = 30'000;
  std::optional<std::int64_t> own_connections;  // the user's own count, when known
  team_policy team;                             // used only when the history has team signals
};

// What a teammate did with the person, from the local copy of the team's data.
struct team_signal {
  std::string member;  // the teammate's display name
  millis at = 0;       // since when (sent, accepted, withdrawn, marked)
};
struct team_history {
  std::optional<team_signal> pending;    // a teammate's invitation to them is pending (the oldest)
  std::optional<team_signal> connected;  // a teammate's invitation to or from them was accepted
  std::optional<team_signal> withdrawn;  // the latest withdrawal by a teammate
  std::optional<team_signal> fake;       // a teammate marked them fake
};

// What the ledger knows at check time, for the network of the send.
struct send_history {
  std::int64_t today = 0;             // sent since local midnight
  std::int64_t week = 0;              // sent in (now - 7 × 24 h, now]
  std::int64_t notes_this_month = 0;  // sent with a non-empty note since the 1st, local
  std::int64_t pending = 0;           // sent and still pending
  std::int64_t decided = 0;           // among the last low_acceptance_window decided sent ones
  std::int64_t accepted = 0;          // of those, accepted
  bool pending_to_person = false;
  std::optional<millis> withdrawn_at;  // latest withdrawal of an invitation to this person
  team_history team;                   // empty outside a team
};

struct check_reason {
  std::string code;
  verdict level = verdict::caution;
  std::string message;
  double value = 0;                  // what was measured (count, characters, rate, days)
  std::optional<double> limit;       // the threshold it was compared with
  std::string who;                   // team reasons: the teammate's display name
  std::optional<millis> since;       // team reasons: when the teammate did it
};

struct check_result {
  verdict overall = verdict::ok;
  std::vector<check_reason> reasons;
};

// Accepted / decided among the last low_acceptance_window decided sent
// invitations: the one acceptance rate every screen shows; nullopt when
// nothing is decided yet.
std::optional<double> acceptance_rate(const send_history& history) noexcept;

// The start of the windows check_send assumes (for the queries that count).
inline millis rolling_week_start(millis now) { return now - rolling_week_ms; }  // exclusive

// Characters as the networks count them: UTF-8 code points, not bytes.
std::size_t count_code_points(std::string_view utf8) noexcept;

// The smallest count (this send included) that earns a caution.
std::int64_t caution_threshold(std::int64_t limit, double ratio) noexcept;

// Every rule that applies to sending one more invitation now, with `note`.
check_result check_send(const send_history& history, const limits_config& config, std::string_view note,
                        millis now);

}  // namespace vigie::domain
