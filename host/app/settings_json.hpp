#pragma once
// Settings between JSON and domain::settings, and between the settings table
// (each value stored as JSON text) and domain::settings. The loaded settings
// live in the context (app/context.hpp), one snapshot per connection.
#include <nlohmann/json.hpp>
#include <string_view>

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

// The stored values over the defaults (storage/settings_repository). A stored
// value this version cannot use is logged and replaced by its default: a bad
// row must not take the host down.
domain::settings load_settings(storage::database& db);

// Every key with its value, defaults filled in: what settings.get answers.
nlohmann::json settings_json(const domain::settings& values);

// Validates every entry first, then stores them all (bad_request names the
// first bad key and nothing is written). The caller tells its context
// (context::settings_changed).
void store_settings(storage::database& db, const nlohmann::json& changes);


}  // namespace vigie::app
