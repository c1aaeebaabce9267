// settings.get / settings.set over the typed keys of domain/settings.
#include "app/handlers/ledger_common.hpp"
#include "app/settings_json.hpp"

namespace vigie::app {

namespace {

json settings_get(const protocol::request&, context& ctx) {
  return json{{"settings", settings_json(ctx.settings())}, {"definitions", setting_definitions_json()}};
}

json settings_set(const protocol::request& req, context& ctx) {
  store_settings(ctx.db, required_field(req.body, "settings"));
  ctx.settings_changed();
  return json{{"settings", settings_json(ctx.settings())}};
}

}  // namespace

void register_settings_handlers(dispatcher& d) {
  d.add("settings.get", access::read, settings_get);
  d.add("settings.set", access::write, settings_set);
}

}  // namespace vigie::app
