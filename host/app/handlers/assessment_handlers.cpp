// profile.assess: the assessment of a profile record, without storing
// anything (the extension uses it for pages it does not log, and it lets a
// user try the lexicons). A verdict the user gave this person (person.mark)
// still applies: the user has already decided, and must see it everywhere.
// Storing handlers (profile.seen, invitation.received) call domain::assess
// themselves with the same inputs.
#include "app/handlers/handlers.hpp"
#include "app/note_models.hpp"
#include "app/profile_json.hpp"
#include "app/settings_json.hpp"
#include "common/error.hpp"
#include "domain/assessment.hpp"
#include "domain/profile_key.hpp"
#include "storage/people_repository.hpp"

namespace vigie::app {

namespace {

json profile_assess(const protocol::request& req, context& ctx) {
  const auto it = req.body.find("profile");
  if (it == req.body.end() || !it->is_object()) {
    throw error(errc::bad_request, "profile.assess needs a profile object");
  }
  const auto p = profile_from_json(*it);
  const auto key = domain::canonical_profile_key(p.network, p.profile_url);
  auto a = assess_with_models(ctx.db, ctx.lexicons(), p);
  storage::people_repository people(ctx.db);
  if (const auto id = people.find(key)) {
    if (const auto row = people.get(*id)) domain::apply_verdict(a, row->user_verdict);
  }
  return to_json(a);
}

}  // namespace

void register_assessment_handlers(dispatcher& d) {
  d.add("profile.assess", access::read, profile_assess);
}

}  // namespace vigie::app
