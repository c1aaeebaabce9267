#include "app/ledger_of.hpp"

#include "app/note_models.hpp"
#include "app/profile_json.hpp"

namespace vigie::app {

domain::ledger ledger_of(context& ctx) {
  domain::ledger::services services;
  services.assess = [&ctx](const domain::profile& p) { return assess_with_models(ctx.db, ctx.lexicons(), p); };
  // Stored as the JSON of the replies, so that a stored assessment is sent as it was made.
  services.encode_reasons = [](const std::vector<domain::reason>& reasons) { return to_json(reasons).dump(); };
  return domain::ledger(ctx.db, ctx.clock, std::move(services));
}

}  // namespace vigie::app
