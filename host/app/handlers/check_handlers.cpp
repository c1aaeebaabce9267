// invitation.check: gathers the counts from the ledger and the thresholds
// from the settings, then lets domain::check_send decide.
#include "app/handlers/ledger_common.hpp"
#include "app/send_counts.hpp"
#include "app/settings_json.hpp"
#include "domain/limits.hpp"

namespace vigie::app {

namespace {

json number(double v) {
  // Counts print as integers, rates as fractions.
  if (v == static_cast<double>(static_cast<std::int64_t>(v))) return static_cast<std::int64_t>(v);
  return v;
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
  const auto config = ctx.settings().limits(network);

  auto h = load_send_history(ctx.db, network, now, config);
  storage::invitations_repository invitations(ctx.db);
  storage::people_repository people(ctx.db);
  if (url) {
    if (const auto id = people.find(domain::canonical_profile_key(network, *url))) {
      h.pending_to_person = invitations.find_pending(*id, "sent").has_value();
      if (const auto row = people.get(*id)) h.withdrawn_at = row->last_withdrawn_at;
    }
  }

  const auto result = domain::check_send(h, config, note, now);
  json reasons = json::array();
  for (const auto& r : result.reasons)
    reasons.push_back({{"code", r.code},
                       {"verdict", std::string(domain::to_string(r.level))},
                       {"message", r.message},
                       {"value", number(r.value)},
                       {"limit", r.limit ? number(*r.limit) : json(nullptr)}});
  // note_max lets the page count characters while the user types without a limit of its own.
  return json{{"verdict", std::string(domain::to_string(result.overall))},
              {"reasons", std::move(reasons)},
              {"note_max", config.note_max},
              {"counts", counts_json(h, config)}};
}

}  // namespace

void register_check_handlers(dispatcher& d) { d.add("invitation.check", access::read, invitation_check); }

}  // namespace vigie::app
