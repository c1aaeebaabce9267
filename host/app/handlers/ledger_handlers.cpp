// The events the extension reports as the user browses: profiles seen,
// invitations sent, received, withdrawn, answered, and connections.
#include <vector>

#include "app/handlers/handlers.hpp"
#include "app/handlers/ledger_common.hpp"
#include "app/profile_json.hpp"
#include "common/error.hpp"

namespace vigie::app {

namespace {

json assessed_json(const observed_person& person) {
  return json{{"profile_url", person.merged.profile_url}, {"assessment", to_json(person.assessment)}};
}

json profile_seen(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto person = observe(ctx, required_field(req.body, "profile"), at, "profile", assess_mode::assess);
  return json{{"person_id", person.id}, {"assessment", to_json(person.assessment)}};
}

json invitation_sent(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto note = optional_string(req.body, "note").value_or("");
  const auto r = ledger_of(ctx).record_sent(profile_from_json(required_field(req.body, "profile")), note, at);
  return json{{"invitation_id", r.invitation_id}, {"already_known", r.already_known}};
}

json invitation_received(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  auto ledger = ledger_of(ctx);
  std::int64_t added = 0, known = 0;
  json assessments = json::array();
  for (const auto& item : required_array(req.body, "invitations")) {
    if (!item.is_object()) throw error(errc::bad_request, "each invitation must be an object");
    const auto note = optional_string(item, "note").value_or("");
    const auto received_at = optional_time(item, "received_at", ctx).value_or(at);
    const auto r = ledger.record_received(profile_from_json(required_field(item, "profile")), note, received_at, at);
    assessments.push_back(assessed_json(r.person));
    ++(r.added ? added : known);
  }
  return json{{"added", added}, {"already_known", known}, {"assessments", std::move(assessments)}};
}

json sent_list(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto complete = optional_bool(req.body, "complete").value_or(false);
  const auto network = optional_string(req.body, "network");
  std::vector<domain::listed_sent> listed;
  for (const auto& profile : required_array(req.body, "profiles"))
    listed.push_back({profile_from_json(profile), optional_time(profile, "sent_at", ctx)});
  const auto r = ledger_of(ctx).reconcile_sent_list(listed, network, complete, at, ctx.settings());
  return json{{"pending", r.pending},
              {"accepted", r.accepted},
              {"withdrawn", r.withdrawn},
              {"expired", r.expired},
              {"added", r.added}};
}

json connection_seen(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto profile = profile_from_json(required_field(req.body, "profile"));
  return json{{"accepted", ledger_of(ctx).connection_seen(profile, at)}};
}

json invitation_withdrawn(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto profile = profile_from_json(required_field(req.body, "profile"));
  return json{{"withdrawn", ledger_of(ctx).withdrawn(profile, at)}};
}

json invitation_answered(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto answer = domain::answer_from_string(required_string(req.body, "answer"));
  if (!answer) throw error(errc::bad_request, "\"answer\" must be \"accepted\" or \"ignored\"");
  const auto profile = profile_from_json(required_field(req.body, "profile"));
  return json{{"updated", ledger_of(ctx).answered(profile, *answer, at)}};
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
