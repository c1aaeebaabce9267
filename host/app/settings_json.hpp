#pragma once
// Settings between JSON and domain::settings, and the per-connection cache
// that keeps the event path from re-reading and re-parsing them (and
// re-merging the lexicons) for every event.
#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/lexicon.hpp"
#include "domain/settings.hpp"
#include "storage/database.hpp"

namespace vigie::app {

nlohmann::json to_json(const domain::setting_value& value);
// Throws error(bad_request) for JSON no setting can hold (objects, mixed arrays).
domain::setting_value setting_from_json(std::string_view key, const nlohmann::json& value);

// Every setting's definition, from domain::setting_defs (the one table): key, type, default, bounds,
// unit, network, account type and the message key of its label. settings.get sends it so that the
// options page is built from the host's table instead of a copy of its own.
const nlohmann::json& setting_definitions_json();

struct cached_settings {
  domain::settings values;
  nlohmann::json as_json;  // every key, defaults filled in
  domain::lexicon_set lexicons;  // shipped lists with the user's overrides
};

// The settings of `db`, reloaded only when this process changed them
// (invalidate_settings) or another connection committed since the last load.
const cached_settings& current_settings(storage::database& db);
void invalidate_settings(storage::database& db);

// Validates every entry first, then stores them all (bad_request names the
// first bad key and nothing is written).
void store_settings(storage::database& db, const nlohmann::json& changes);

}  // namespace vigie::app
