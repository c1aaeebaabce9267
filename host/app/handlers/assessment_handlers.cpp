// profile.assess: the assessment of a profile record, without storing
// anything (the extension uses it for pages it does not log, and it lets a
// user try the lexicons). Storing handlers (profile.seen,
// invitation.received) call domain::assess themselves with the same inputs.
#include "app/handlers/handlers.hpp"
#include "app/profile_json.hpp"
#include "app/settings_json.hpp"
#include "common/error.hpp"
#include "domain/assessment.hpp"

namespace vigie::app {

namespace {

json profile_assess(const protocol::request& req, context& ctx) {
  const auto it = req.body.find("profile");
  if (it == req.body.end() || !it->is_object()) {
    throw error(errc::bad_request, "profile.assess needs a profile object");
  }
  const auto p = profile_from_json(*it);
  return to_json(domain::assess(p, current_settings(ctx.db).lexicons));
}

}  // namespace

void register_assessment_handlers(dispatcher& d) {
  d.add("profile.assess", access::read, profile_assess);
}

}  // namespace vigie::app
