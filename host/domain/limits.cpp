#include "domain/limits.hpp"

#include <algorithm>
#include <cmath>

namespace vigie::domain {

namespace {

std::string fmt_count(std::int64_t n) { return std::to_string(n); }

std::string percent(double rate) { return std::to_string(static_cast<int>(std::lround(rate * 100))) + " %"; }

void add(check_result& out, std::string code, verdict level, std::string message, double value,
         std::optional<double> limit) {
  if (static_cast<int>(level) > static_cast<int>(out.overall)) out.overall = level;
  out.reasons.push_back({std::move(code), level, std::move(message), value, limit, {}, std::nullopt});
}

// Daily and weekly limits share one shape: stop when this send goes over,
// caution from the ratio on.
void check_limit(check_result& out, std::string code, std::string_view period, std::int64_t sent_before,
                 std::int64_t limit, double ratio) {
  const std::int64_t after = sent_before + 1;
  const auto value = static_cast<double>(after);
  if (after > limit) {
    add(out, std::move(code), verdict::stop,
        "this would be invitation " + fmt_count(after) + " " + std::string(period) + ", over your limit of " +
            fmt_count(limit),
        value, static_cast<double>(limit));
  } else if (after >= caution_threshold(limit, ratio)) {
    add(out, std::move(code), verdict::caution,
        "this would be invitation " + fmt_count(after) + " of " + fmt_count(limit) + " " + std::string(period),
        value, static_cast<double>(limit));
  }
}

}  // namespace

std::string_view to_string(verdict v) noexcept {
  switch (v) {
    case verdict::ok: return "ok";
    case verdict::caution: return "caution";
    case verdict::stop: return "stop";
  }
  return "ok";
}

std::optional<verdict> verdict_from_string(std::string_view text) noexcept {
  if (text == "ok") return verdict::ok;
  if (text == "caution") return verdict::caution;
  if (text == "stop") return verdict::stop;
  return std::nullopt;
}

std::size_t count_code_points(std::string_view utf8) noexcept {
  std::size_t n = 0;
  for (const char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;  // continuation bytes belong to the previous one
  return n;
}

std::int64_t caution_threshold(std::int64_t limit, double ratio) noexcept {
  // The epsilon keeps 0.8 × 20 at 16 despite binary fractions.
  return static_cast<std::int64_t>(std::ceil(static_cast<double>(limit) * ratio - 1e-9));
}

std::optional<double> acceptance_rate(const send_history& h) noexcept {
  if (h.decided <= 0) return std::nullopt;
  return static_cast<double>(h.accepted) / static_cast<double>(h.decided);
}

check_result check_send(const send_history& h, const limits_config& c, std::string_view note, millis now) {
  check_result out;
  const auto rate = acceptance_rate(h);

  check_limit(out, "daily_limit", "today", h.today, c.daily_limit, c.caution_ratio);
  check_limit(out, "weekly_limit", "in 7 days", h.week, c.weekly_limit, c.caution_ratio);

  const auto chars = static_cast<std::int64_t>(count_code_points(note));
  if (chars > c.note_max)
    add(out, "note_too_long", verdict::stop,
        "the note has " + fmt_count(chars) + " characters; at most " + fmt_count(c.note_max) + " are accepted",
        static_cast<double>(chars), static_cast<double>(c.note_max));

  if (chars > 0 && c.note_allowance && h.notes_this_month + 1 > *c.note_allowance)
    add(out, "note_allowance", verdict::caution,
        "this would be personalised note " + fmt_count(h.notes_this_month + 1) + " this month; a free account gets " +
            fmt_count(*c.note_allowance),
        static_cast<double>(h.notes_this_month + 1), static_cast<double>(*c.note_allowance));

  if (rate && h.decided >= c.low_acceptance_min_decided && *rate < c.low_acceptance_rate)
    add(out, "low_acceptance", verdict::caution,
        "only " + percent(*rate) + " of your last " + fmt_count(h.decided) +
            " decided invitations were accepted; networks restrict accounts below " + percent(c.low_acceptance_rate),
        *rate, c.low_acceptance_rate);

  if (h.pending > c.max_pending)
    add(out, "too_many_pending", verdict::caution,
        fmt_count(h.pending) + " invitations are still pending; withdraw the oldest ones",
        static_cast<double>(h.pending), static_cast<double>(c.max_pending));

  if (h.pending_to_person)
    add(out, "duplicate_pending", verdict::stop, "an invitation to this person is already pending", 1, 0.0);

  if (h.withdrawn_at) {
    const millis possible_at = *h.withdrawn_at + c.reinvite_days * ms_per_day;
    if (now < possible_at) {
      const auto days = static_cast<double>(now - *h.withdrawn_at) / static_cast<double>(ms_per_day);
      add(out, "reinvite_too_soon", verdict::stop,
          "you withdrew an invitation to this person on " + local_date(*h.withdrawn_at) +
              "; a new one is possible from " + local_date(possible_at),
          std::floor(days), static_cast<double>(c.reinvite_days));
    }
  }

  // Team reasons (docs/TEAM.md): what a teammate did with this person.
  const auto team_reason = [&](const char* code, verdict level, const team_signal& s, std::string message,
                               double value, std::optional<double> limit) {
    add(out, code, level, std::move(message), value, limit);
    out.reasons.back().who = s.member;
    out.reasons.back().since = s.at;
  };
  if (const auto& s = h.team.pending)
    team_reason("team_pending", c.team.pending, *s,
                s->member + " has had an invitation to this person pending since " + local_date(s->at),
                std::floor(static_cast<double>(std::max<millis>(0, now - s->at)) / static_cast<double>(ms_per_day)),
                std::nullopt);
  if (const auto& s = h.team.connected)
    team_reason("team_connected", c.team.connected, *s,
                s->member + " has been connected with this person since " + local_date(s->at), 1, std::nullopt);
  if (const auto& s = h.team.withdrawn) {
    // The same window as the user's own re-invite rule: a withdrawal is as
    // fresh in the prospect's mind whoever in the team made it.
    const millis possible_at = s->at + c.reinvite_days * ms_per_day;
    if (now < possible_at)
      team_reason("team_recent_withdrawal", c.team.recent_withdrawal, *s,
                  s->member + " withdrew an invitation to this person on " + local_date(s->at),
                  std::floor(static_cast<double>(std::max<millis>(0, now - s->at)) / static_cast<double>(ms_per_day)),
                  static_cast<double>(c.reinvite_days));
  }
  if (const auto& s = h.team.fake)
    team_reason("team_fake", c.team.fake, *s, s->member + " marked this profile as fake", 1, std::nullopt);

  if (c.connection_cap && c.own_connections && *c.own_connections >= *c.connection_cap)
    add(out, "connection_cap", verdict::stop,
        "you have " + fmt_count(*c.own_connections) + " connections, the network's maximum is " +
            fmt_count(*c.connection_cap),
        static_cast<double>(*c.own_connections), static_cast<double>(*c.connection_cap));
  return out;
}

}  // namespace vigie::domain
