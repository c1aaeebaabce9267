// stats.get and invitations.list as values: see app/ledger_views.hpp.
#include "app/ledger_views.hpp"

#include <algorithm>
#include <limits>

#include "app/handlers/ledger_common.hpp"
#include "app/input_limits.hpp"
#include "app/send_counts.hpp"
#include "common/error.hpp"
#include "domain/ledger.hpp"
#include "domain/limits.hpp"
#include "domain/stats.hpp"
#include "domain/text_fold.hpp"
#include "protocol/frame_codec.hpp"
#include "storage/drift_repository.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"

namespace vigie::app {

namespace {

using domain::millis;
using domain::ms_per_day;

constexpr int weekly_weeks = 12;
constexpr int series_days = 90;
constexpr int withdrawal_candidate_days = 21;  // pending for more whole days than this
constexpr int candidates_max = 200;
constexpr int suspicious_days = 30;
constexpr int suspicious_max = 50;

// Weekly cohorts: of the invitations sent in each of the last 12 weeks, how
// many were accepted so far. A chart of how each week's sending fared, not a
// second acceptance rate: the rate is counts_json's, over its window.
json acceptance_by_week(millis now, const std::vector<std::pair<millis, std::string>>& recent_sent) {
  std::vector<millis> starts(weekly_weeks);
  starts.back() = domain::local_week_start(now);
  for (int i = weekly_weeks - 2; i >= 0; --i) starts[i] = domain::add_local_days(starts[i + 1], -7);
  struct cohort { std::int64_t sent = 0, accepted = 0, decided = 0; };
  std::vector<cohort> cohorts(weekly_weeks);
  for (const auto& [at, status] : recent_sent) {
    if (at < starts.front() || at > now) continue;
    const auto idx = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1);
    auto& c = cohorts[idx];
    ++c.sent;
    const auto decided = domain::status_from_string(status);
    if (decided == domain::invitation_status::accepted) ++c.accepted;
    if (decided && domain::is_decided(*decided)) ++c.decided;
  }
  json weekly = json::array();
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const auto r = domain::rate(cohorts[i].accepted, cohorts[i].decided);
    weekly.push_back({{"week_start", domain::local_date(starts[i])},
                      {"sent", cohorts[i].sent},
                      {"accepted", cohorts[i].accepted},
                      {"decided", cohorts[i].decided},
                      {"rate", r ? json(*r) : json(nullptr)}});
  }
  return weekly;
}

json pending_age(storage::invitations_repository& inv, const std::string& network, millis now) {
  // Whole days of age: bucket 0-7 holds created_at > now - 8 days, and so on.
  constexpr auto top = std::numeric_limits<millis>::max();
  constexpr auto bottom = std::numeric_limits<millis>::min();
  const millis bounds[] = {top, now - 8 * ms_per_day, now - 22 * ms_per_day, now - 91 * ms_per_day, bottom};
  json out = json::object();
  for (std::size_t i = 0; i < domain::pending_age_labels.size(); ++i)
    out[domain::pending_age_labels[i]] = inv.count_pending_between(network, bounds[i + 1], bounds[i]);
  return out;
}

}  // namespace

// stats.get lists up to 250 people, team.view up to 200 and the team's
// members (person.get and invitations.list give the whole text).
json summary_text(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  if (text->size() <= bounds::max_summary_text) return *text;
  std::size_t cut = bounds::max_summary_text;
  while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return text->substr(0, cut) + "\xE2\x80\xA6";
}

json stats_view(context& ctx, const std::string& network) {
  if (!domain::is_known_network(network)) throw error(errc::bad_request, "unknown network \"" + network + "\"");
  const auto now = ctx.clock.now();
  const auto& settings = ctx.settings();
  const auto config = settings.limits(network);
  storage::invitations_repository inv(ctx.db);

  const auto days = domain::local_day_starts(now, series_days);
  const auto recent_sent = inv.sent_since(network, days.front());
  std::vector<millis> times;
  times.reserve(recent_sent.size());
  for (const auto& s : recent_sent) times.push_back(s.first);
  const auto per_day = domain::bucket_by_day(days, times, now);
  json series = json::array();
  for (std::size_t i = 0; i < days.size(); ++i)
    series.push_back({{"date", domain::local_date(days[i])}, {"count", per_day[i]}});

  json candidates = json::array();
  for (const auto& c : inv.oldest_pending(network, now - (withdrawal_candidate_days + 1) * ms_per_day, candidates_max))
    candidates.push_back({{"invitation_id", c.invitation.id},
                          {"profile_url", c.profile_url},
                          {"name", summary_text(c.name)},
                          {"sent_at", c.invitation.created_at},
                          {"age_days", domain::age_days(c.invitation.created_at, now)}});

  json suspicious = json::array();
  for (const auto& p : storage::people_repository(ctx.db).suspicious(network, now - suspicious_days * ms_per_day,
                                                                      suspicious_max)) {
    auto a = stored_assessment_json(p);
    for (auto& r : a["reasons"]) {
      if (r.contains("detail") && r["detail"].is_string()) r["detail"] = summary_text(r["detail"].get<std::string>());
      // The evidence quotes the page (a name, a headline): cut like the names, or 50 people of
      // 1 KiB texts full of escaped characters could still pass the reply cap.
      if (r.contains("evidence") && r["evidence"].is_array())
        for (auto& w : r["evidence"])
          if (w.is_string()) w = summary_text(w.get<std::string>());
    }
    suspicious.push_back({{"profile_url", p.latest.profile_url},
                          {"name", summary_text(p.latest.name)},
                          {"level", a["level"]},
                          {"score", a["score"]},
                          {"reasons", a["reasons"]},
                          {"verdict", a["verdict"]},
                          {"last_seen_at", p.last_seen_at}});
  }

  storage::drift_repository drift(ctx.db);
  json last_drift = nullptr;
  if (const auto d = drift.last())
    last_drift = {{"at", d->at}, {"page_kind", d->page_kind}, {"url", d->url}, {"detail", summary_text(d->detail)}};

  auto out = counts_json(load_send_history(ctx.db, network, now, config), config);
  out.update(json{{"network", network},
                  {"account_type", settings.account_type(network)},
                  {"received_pending", inv.count_status(network, "received", "pending")},
                  {"acceptance_by_week", acceptance_by_week(now, recent_sent)},
                  {"pending_age", pending_age(inv, network, now)},
                  {"withdrawal_candidates", std::move(candidates)},
                  {"sent_per_day", std::move(series)},
                  {"suspicious", std::move(suspicious)},
                  {"drift", {{"count", drift.count()}, {"last", std::move(last_drift)}}}});
  return out;
}

void prepare_text_search(storage::list_filter& filter) {
  if (filter.text && filter.text->empty()) filter.text.reset();
  if (!filter.text) return;
  // "elodie" finds "Élodie", "MÜLLER" finds "Müller": both sides folded by one rule (the
  // stored side when written, storage schema v8).
  filter.text = domain::fold(*filter.text);
}

json list_view(context& ctx, const storage::list_filter& f) {
  if (f.limit < 1 || f.limit > 1000) throw error(errc::bad_request, "\"limit\" must be between 1 and 1000");
  if (f.offset < 0) throw error(errc::bad_request, "\"offset\" must not be negative");
  auto [total, rows] = storage::invitations_repository(ctx.db).list(f);
  // Stop early rather than let the dispatcher refuse the whole reply: the
  // caller pages on with next_offset.
  constexpr std::size_t budget = protocol::max_outbound_bytes - 64 * 1024;
  std::size_t size = 0;
  json items = json::array();
  for (const auto& row : rows) {
    auto item = listed_json(row);
    size += protocol::dump(item).size() + 1;
    if (size > budget && !items.empty()) break;
    items.push_back(std::move(item));
  }
  const auto next = f.offset + static_cast<std::int64_t>(items.size());
  return json{{"total", total}, {"items", std::move(items)}, {"next_offset", next < total ? json(next) : json(nullptr)}};
}

}  // namespace vigie::app
