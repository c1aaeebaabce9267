#pragma once
// JSON ⇄ domain structs for the profile record and the assessment of
// docs/PROTOCOL.md. domain/ never sees JSON; this is the one conversion, used
// by the handlers (profile.assess, profile.seen, invitation.received) and by
// `vigie assess`.
#include <nlohmann/json.hpp>

#include "domain/assessment.hpp"
#include "domain/profile.hpp"

namespace vigie::app {

enum class identity { required, optional };

// Unknown fields are ignored; absent or null fields stay empty (not
// observed). A field of the wrong type, a negative count or a degree other
// than 1-3 is error(bad_request) naming the field. With identity::required
// (the protocol's rule) `network` must be "linkedin" or "viadeo" and
// `profile_url` a non-empty string; `vigie assess` uses identity::optional to
// assess records that lack them. The URL is not canonicalised here.
domain::profile profile_from_json(const nlohmann::json& j, identity ids = identity::required);

// The record back as JSON, with only the observed fields.
nlohmann::json to_json(const domain::profile& p);

// {score, level, reasons: [{code, weight, detail}], verdict}
nlohmann::json to_json(const domain::assessment& a);
nlohmann::json to_json(const std::vector<domain::reason>& reasons);

}  // namespace vigie::app
