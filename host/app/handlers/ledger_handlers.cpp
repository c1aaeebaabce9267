// The events the extension reports as the user browses: profiles seen,
// invitations sent, received, withdrawn, answered, and connections.
#include <unordered_set>

#include "app/handlers/handlers.hpp"
#include "app/handlers/ledger_common.hpp"
#include "app/profile_json.hpp"
#include "app/settings_json.hpp"
#include "common/error.hpp"

namespace vigie::app {

namespace {

using storage::invitation_row;
using storage::invitations_repository;
using storage::people_repository;

json profile_seen(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto person = observe(ctx, required_field(req.body, "profile"), at, "profile", assess_mode::assess);
  return json{{"person_id", person.id}, {"assessment", to_json(person.assessment)}};
}

json invitation_sent(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto note = optional_string(req.body, "note").value_or("");
  auto person = upsert_person(ctx, required_field(req.body, "profile"), at);
  invitations_repository invitations(ctx.db);
  // A replay of the same event (same person, same `at`: the extension resends
  // what was never answered) is the same invitation, whatever happened since,
  // and writes nothing (the upsert above changed nothing either). A send
  // while one is already pending returns that one. Someone seen for the
  // first time has no invitation yet.
  if (!person.is_new) {
    if (const auto known = invitations.find_at_or_pending(person.id, "sent", at)) {
      if (known->created_at != at) complete_observation(ctx, person, at, "invitation_sent", assess_mode::skip);
      return json{{"invitation_id", known->id}, {"already_known", true}};
    }
  }
  complete_observation(ctx, person, at, "invitation_sent", assess_mode::skip);
  invitation_row row;
  row.person_id = person.id;
  row.network = person.key.network;
  row.direction = "sent";
  row.status = "pending";
  row.note = note;
  row.created_at = at;
  return json{{"invitation_id", invitations.insert(row)}, {"already_known", false}};
}

json invitation_received(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  invitations_repository invitations(ctx.db);
  std::int64_t added = 0, known = 0;
  json assessments = json::array();
  for (const auto& item : required_array(req.body, "invitations")) {
    if (!item.is_object()) throw error(errc::bad_request, "each invitation must be an object");
    const auto note = optional_string(item, "note").value_or("");
    const auto received_at = optional_time(item, "received_at", ctx).value_or(at);
    json profile = required_field(item, "profile");
    // The note is what the scam-phrase signals read.
    if (!note.empty() && profile.is_object() && !profile.contains("invitation_message"))
      profile["invitation_message"] = note;
    const auto person = observe(ctx, profile, at, "invitation_received", assess_mode::assess);
    assessments.push_back({{"profile_url", person.merged.profile_url}, {"assessment", to_json(person.assessment)}});
    if (!person.is_new && invitations.find_at_or_pending(person.id, "received", received_at)) {
      ++known;
      continue;
    }
    invitation_row row;
    row.person_id = person.id;
    row.network = person.key.network;
    row.direction = "received";
    row.note = note;
    row.created_at = received_at;
    invitations.insert(row);
    ++added;
  }
  return json{{"added", added}, {"already_known", known}, {"assessments", std::move(assessments)}};
}

json sent_list(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto complete = optional_bool(req.body, "complete").value_or(false);
  auto network = optional_string(req.body, "network");
  invitations_repository invitations(ctx.db);
  people_repository people(ctx.db);
  std::unordered_set<std::int64_t> listed;
  std::int64_t added = 0;
  for (const auto& profile : required_array(req.body, "profiles")) {
    const auto person = observe(ctx, profile, at, "sent_list", assess_mode::skip);
    if (!network) network = person.key.network;
    if (person.key.network != *network)
      throw error(errc::bad_request, "one sent list covers one network; got " + person.key.network + " and " + *network);
    listed.insert(person.id);
    if (invitations.find_pending(person.id, "sent")) continue;
    invitation_row row;
    row.person_id = person.id;
    row.network = person.key.network;
    row.direction = "sent";
    const auto sent_at = optional_time(profile, "sent_at", ctx);
    row.created_at = sent_at.value_or(at);
    row.time_known = sent_at.has_value();
    invitations.insert(row);
    ++added;
  }
  std::int64_t accepted = 0, withdrawn = 0, expired = 0;
  if (complete) {
    if (!network) throw error(errc::bad_request, "an empty complete list needs \"network\"");
    const auto expiry = current_settings(ctx.db).values.pending_expiry_days(*network) * domain::ms_per_day;
    for (const auto& p : invitations.pending_sent_list(*network)) {
      if (listed.count(p.person_id)) continue;
      if (p.connected_at) {
        invitations.decide(p.id, "accepted", at);
        ++accepted;
      } else if (at - p.created_at > expiry) {
        invitations.decide(p.id, "expired", at);
        ++expired;
      } else {
        invitations.decide(p.id, "withdrawn", at);
        people.set_last_withdrawn(p.person_id, at);
        ++withdrawn;
      }
    }
  }
  return json{{"pending", static_cast<std::int64_t>(listed.size())},
              {"accepted", accepted},
              {"withdrawn", withdrawn},
              {"expired", expired},
              {"added", added}};
}

json connection_seen(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto person = observe(ctx, required_field(req.body, "profile"), at, "connection", assess_mode::skip);
  people_repository(ctx.db).mark_connected(person.id, at);
  return json{{"accepted", invitations_repository(ctx.db).decide_pending(person.id, "sent", "accepted", at)}};
}

json invitation_withdrawn(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto person = observe(ctx, required_field(req.body, "profile"), at, "invitation_withdrawn", assess_mode::skip);
  // Recorded on the person even without a pending row (an invitation sent
  // before Vigie): the 3-week rule depends on it.
  people_repository(ctx.db).set_last_withdrawn(person.id, at);
  return json{{"withdrawn", invitations_repository(ctx.db).decide_pending(person.id, "sent", "withdrawn", at)}};
}

json invitation_answered(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto answer = required_string(req.body, "answer");
  if (answer != "accepted" && answer != "ignored")
    throw error(errc::bad_request, "\"answer\" must be \"accepted\" or \"ignored\"");
  const auto person = observe(ctx, required_field(req.body, "profile"), at, "invitation_answered", assess_mode::skip);
  if (answer == "accepted") people_repository(ctx.db).mark_connected(person.id, at);
  return json{{"updated", invitations_repository(ctx.db).decide_pending(person.id, "received", answer, at)}};
}

}  // namespace

void register_event_handlers(dispatcher& d) {
  d.add("profile.seen", access::write, profile_seen);
  d.add("invitation.sent", access::write, invitation_sent);
  d.add("invitation.received", access::write, invitation_received);
  d.add("invitations.sent_list", access::write, sent_list);
  d.add("connection.seen", access::write, connection_seen);
  d.add("invitation.withdrawn", access::write, invitation_withdrawn);
  d.add("invitation.answered", access::write, invitation_answered);
}

void register_ledger_handlers(dispatcher& d) {
  register_event_handlers(d);
  register_check_handlers(d);
  register_query_handlers(d);
  register_person_handlers(d);
  register_settings_handlers(d);
  register_import_handlers(d);
  register_drift_handlers(d);
}

}  // namespace vigie::app
