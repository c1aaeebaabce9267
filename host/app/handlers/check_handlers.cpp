// invitation.check: gathers the counts from the ledger and the thresholds
// from the settings, then lets domain::check_send decide.
#include "app/handlers/ledger_common.hpp"
#include "app/send_counts.hpp"
#include "app/settings_json.hpp"
#include "domain/keyed_hash.hpp"
#include "domain/limits.hpp"
#include "domain/team.hpp"
#include "storage/team_repository.hpp"

namespace vigie::app {

namespace {

json number(double v) {
  // Counts print as integers, rates as fractions.
  if (v == static_cast<double>(static_cast<std::int64_t>(v))) return static_cast<std::int64_t>(v);
  return v;
}

// In a team, what teammates did with the person, from the local copy the
// sync keeps (docs/TEAM.md): the check never waits on the team's server.
void load_team_history(storage::database& db, const domain::profile_key& key, domain::send_history& h,
                       domain::limits_config& config) {
  storage::team_repository team(db);
  const auto membership = team.membership();
  if (!membership) return;
  const auto facts = team.facts(domain::team_person_hash(membership->secret, key.network, key.key),
                                membership->member_id);
  const auto signal = [](const auto& fact) -> std::optional<domain::team_signal> {
    if (!fact) return std::nullopt;
    return domain::team_signal{fact->member, fact->at};
  };
  h.team.pending = signal(facts.pending);
  h.team.connected = signal(facts.connected);
  h.team.withdrawn = signal(facts.withdrawn);
  h.team.fake = signal(facts.fake);
  config.team = domain::team_policy_of(team.settings());
}

json invitation_check(const protocol::request& req, context& ctx) {
  const auto network = required_string(req.body, "network");
  // Checked here because profile_url is optional now: canonical_profile_key no
  // longer refuses an unknown network first, and settings::limits has no keys
  // for it (the fuzzer's "internal" reply, 2026-12-06).
  if (!domain::is_known_network(network))
    throw error(errc::bad_request, "unknown network \"" + network + "\" (linkedin or viadeo)");
  // Without a profile_url: the next send to nobody in particular (the popup's view of the limits).
  const auto url = optional_string(req.body, "profile_url");
  const auto note = optional_string(req.body, "note").value_or("");
  const auto now = ctx.clock.now();
  auto config = ctx.settings().limits(network);

  auto h = load_send_history(ctx.db, network, now, config);
  storage::invitations_repository invitations(ctx.db);
  storage::people_repository people(ctx.db);
  if (url) {
    if (const auto id = people.find(domain::canonical_profile_key(network, *url))) {
      h.pending_to_person = invitations.find_pending(*id, "sent").has_value();
      if (const auto row = people.get(*id)) h.withdrawn_at = row->last_withdrawn_at;
    }
    load_team_history(ctx.db, domain::canonical_profile_key(network, *url), h, config);
  }

  const auto result = domain::check_send(h, config, note, now);
  json reasons = json::array();
  for (const auto& r : result.reasons) {
    reasons.push_back({{"code", r.code},
                       {"verdict", std::string(domain::to_string(r.level))},
                       {"message", r.message},
                       {"value", number(r.value)},
                       {"limit", r.limit ? number(*r.limit) : json(nullptr)}});
    if (!r.who.empty() || r.since) {
      reasons.back()["who"] = r.who;
      reasons.back()["since"] = r.since ? json(*r.since) : json(nullptr);
    }
  }
  // note_max lets the page count characters while the user types without a limit of its own.
  return json{{"verdict", std::string(domain::to_string(result.overall))},
              {"reasons", std::move(reasons)},
              {"note_max", config.note_max},
              {"counts", counts_json(h, config)}};
}

}  // namespace

void register_check_handlers(dispatcher& d) { d.add("invitation.check", access::read, invitation_check); }

}  // namespace vigie::app
