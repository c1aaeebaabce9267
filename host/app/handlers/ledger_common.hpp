#pragma once
// What the ledger handlers share: reading request fields, the event time,
// and the JSON shapes of people and invitations. The rules are the domain
// ledger's (domain/ledger.hpp).
#include <cstdint>
#include <optional>
#include <string>

#include "app/dispatcher.hpp"
#include "domain/assessment.hpp"
#include "app/ledger_of.hpp"
#include "domain/profile_key.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"

namespace vigie::app {

// Field readers: a missing field or a wrong type is error(bad_request).
const json& required_field(const json& body, const char* field);
std::string required_string(const json& body, const char* field);
std::optional<std::string> optional_string(const json& body, const char* field);
std::optional<std::int64_t> optional_integer(const json& body, const char* field);
// Strings are held to bounds::text_limit(field) bytes; these integers to [min, max].
std::optional<std::int64_t> optional_integer(const json& body, const char* field, std::int64_t min, std::int64_t max);
// A stored time: within [2003-01-01, now + 1 day] (app/input_limits.hpp).
std::optional<domain::millis> optional_time(const json& body, const char* field, const context& ctx);
std::optional<bool> optional_bool(const json& body, const char* field);
const json& required_array(const json& body, const char* field);

// `at` when the extension queued the event, else the host's clock.
domain::millis event_time(const json& body, const context& ctx);

using domain::assess_mode;
using domain::observed_person;

// The ledger's observe() of a profile record given as JSON (validated here).
observed_person observe(context& ctx, const json& profile_json, domain::millis at, std::string_view source,
                        assess_mode mode);

// The person named by profile_url (and network when given); not_found when unknown.
std::int64_t find_person(context& ctx, const std::string& profile_url, const std::optional<std::string>& network = {});

json timestamp(const std::optional<domain::millis>& at);
json invitation_json(const storage::invitation_row& row);
json listed_json(const storage::listed_invitation& item);
json stored_assessment_json(const storage::person_row& row);

// Registration of each family (ledger_handlers.cpp registers them all).
void register_event_handlers(dispatcher& d);
void register_check_handlers(dispatcher& d);
void register_query_handlers(dispatcher& d);
void register_person_handlers(dispatcher& d);
void register_settings_handlers(dispatcher& d);
void register_import_handlers(dispatcher& d);
void register_drift_handlers(dispatcher& d);

}  // namespace vigie::app
