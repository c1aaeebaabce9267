// One person: look, forget, mark as trusted or fake; and data.purge.
#include <spdlog/spdlog.h>

#include "app/handlers/ledger_common.hpp"
#include "app/input_limits.hpp"
#include "app/note_models.hpp"
#include "app/profile_json.hpp"
#include "app/retention.hpp"
#include "common/error.hpp"
#include "protocol/frame_codec.hpp"
#include "protocol/message.hpp"

namespace vigie::app {

namespace {

json person_json(const storage::person_row& p) {
  json j = to_json(p.latest);
  j["person_id"] = p.id;
  j["profile_key"] = p.profile_key;
  j["first_seen_at"] = p.first_seen_at;
  j["last_seen_at"] = p.last_seen_at;
  j["connected_at"] = timestamp(p.connected_at);
  j["last_withdrawn_at"] = timestamp(p.last_withdrawn_at);
  j["assessment"] = stored_assessment_json(p);
  j["verdict"] = p.user_verdict ? json(*p.user_verdict) : json(nullptr);
  return j;
}

// A person's history can outgrow the 1 MiB reply cap (years of snapshots):
// keep the newest items (they come newest first) that fit in the budget; the
// reply says how many there are in all.
json newest_within(json items, std::size_t& budget) {
  json kept = json::array();
  for (auto& item : items) {
    const auto size = protocol::dump(item).size() + 1;
    if (size > budget) break;
    budget -= size;
    kept.push_back(std::move(item));
  }
  return kept;
}

json person_get(const protocol::request& req, context& ctx) {
  const auto id = find_person(ctx, required_string(req.body, "profile_url"), optional_string(req.body, "network"));
  storage::people_repository people(ctx.db);
  const auto row = people.get(id);
  if (!row) throw error(errc::not_found, "person vanished");
  json snapshots = json::array();
  for (const auto& s : people.snapshots(id)) {
    json j = to_json(s.fields);
    j["seen_at"] = s.seen_at;
    j["source"] = s.source;
    snapshots.push_back(std::move(j));
  }
  json invitations = json::array();
  for (const auto& inv : storage::invitations_repository(ctx.db).for_person(id))
    invitations.push_back(invitation_json(inv));
  auto person = person_json(*row);
  const auto snapshots_total = snapshots.size(), invitations_total = invitations.size();
  // (A person row written before the text caps may alone exceed it: budget 0, and the reply is too_large.)
  const auto person_size = protocol::dump(person).size();
  constexpr std::size_t room = protocol::max_outbound_bytes - 64 * 1024;
  std::size_t budget = person_size < room ? room - person_size : 0;
  invitations = newest_within(std::move(invitations), budget);
  snapshots = newest_within(std::move(snapshots), budget);
  return json{{"person", std::move(person)},
              {"snapshots", std::move(snapshots)},
              {"invitations", std::move(invitations)},
              {"snapshots_total", snapshots_total},
              {"invitations_total", invitations_total}};
}

json person_forget(const protocol::request& req, context& ctx) {
  const auto url = required_string(req.body, "profile_url");
  const auto network = optional_string(req.body, "network");
  const auto key = network ? domain::canonical_profile_key(*network, url) : domain::canonical_profile_key(url);
  const auto deleted = ledger_of(ctx).forget(key);
  ctx.erased = true;
  return json{{"deleted", deleted}};
}

json person_mark(const protocol::request& req, context& ctx) {
  const auto id = find_person(ctx, required_string(req.body, "profile_url"), optional_string(req.body, "network"));
  if (!req.body.contains("verdict")) throw error(errc::bad_request, "missing field \"verdict\" (trusted, fake or null)");
  const auto verdict = optional_string(req.body, "verdict");
  if (verdict && *verdict != "trusted" && *verdict != "fake")
    throw error(errc::bad_request, "\"verdict\" must be \"trusted\", \"fake\" or null");
  const auto now = ctx.clock.now();
  storage::people_repository people(ctx.db);
  people.set_verdict(id, verdict, now);
  learn_verdict(ctx.db, id, verdict);
  // Clearing the verdict brings back the computed level.
  const auto a = ledger_of(ctx).assess_and_store(id, people.get(id)->latest, verdict, now);
  return json{{"verdict", verdict ? json(*verdict) : json(nullptr)}, {"assessment", to_json(a)}};
}

json data_purge(const protocol::request& req, context& ctx) {
  const auto days = optional_integer(req.body, "older_than_days", 1, bounds::max_days);
  if (!days) throw error(errc::bad_request, "missing field \"older_than_days\"");
  const auto n = ledger_of(ctx).purge_older_than(*days);
  log_purge(*days, n);
  ctx.erased = true;
  return json{{"deleted", n.total()},
              {"invitations", n.invitations},
              {"snapshots", n.snapshots},
              {"drift_reports", n.drift_reports},
              {"people", n.people}};
}

}  // namespace

void register_person_handlers(dispatcher& d) {
  d.add("person.get", access::read, person_get);
  d.add("person.forget", access::write, person_forget);
  d.add("person.mark", access::write, person_mark);
  d.add("data.purge", access::write, data_purge);
}

}  // namespace vigie::app
