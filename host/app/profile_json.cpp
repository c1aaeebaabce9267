#include "app/profile_json.hpp"

#include <cmath>
#include <string>

#include "app/input_limits.hpp"
#include "common/error.hpp"

namespace vigie::app {

using nlohmann::json;

namespace {

[[noreturn]] void wrong(const char* field, const char* expected) {
  throw error(errc::bad_request, std::string("profile.") + field + " must be " + expected);
}

const json* field_of(const json& j, const char* field) {
  const auto it = j.find(field);
  if (it == j.end() || it->is_null()) return nullptr;
  return &*it;
}

void read(const json& j, const char* field, std::optional<std::string>& out) {
  if (const auto* v = field_of(j, field)) {
    if (!v->is_string()) wrong(field, "a string");
    bounds::check_length(std::string("profile.") + field, v->get_ref<const std::string&>(), bounds::text_limit(field));
    out = v->get<std::string>();
  }
}

void read(const json& j, const char* field, std::optional<bool>& out) {
  if (const auto* v = field_of(j, field)) {
    if (!v->is_boolean()) wrong(field, "true or false");
    out = v->get<bool>();
  }
}

// Counts: non-negative integers. 12.0 is accepted (JavaScript has only
// doubles); 12.5 and "12" are not.
void read(const json& j, const char* field, std::optional<std::int64_t>& out) {
  const auto* v = field_of(j, field);
  if (!v) return;
  if (v->is_number_unsigned()) {
    const auto n = v->get<std::uint64_t>();
    if (n > static_cast<std::uint64_t>(INT64_MAX)) wrong(field, "a reasonable count");
    out = static_cast<std::int64_t>(n);
  } else if (v->is_number_integer()) {
    out = v->get<std::int64_t>();
  } else if (v->is_number_float()) {
    const double d = v->get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9e15) wrong(field, "an integer");
    out = static_cast<std::int64_t>(d);
  } else {
    wrong(field, "an integer");
  }
  if (*out < 0) wrong(field, "zero or more");
  if (*out > bounds::max_count) wrong(field, "at most 1000000000");
}

template <typename T>
void put(json& j, const char* field, const std::optional<T>& v) {
  if (v) j[field] = *v;
}

}  // namespace

domain::profile profile_from_json(const json& j, identity ids) {
  if (!j.is_object()) throw error(errc::bad_request, "profile must be an object");
  domain::profile p;
  std::optional<std::string> network, url;
  read(j, "network", network);
  read(j, "profile_url", url);
  if (ids == identity::required) {
    if (!network || (*network != "linkedin" && *network != "viadeo")) {
      wrong("network", "\"linkedin\" or \"viadeo\"");
    }
    if (!url || url->empty()) wrong("profile_url", "a non-empty string");
  }
  p.network = network.value_or("");
  p.profile_url = url.value_or("");
  domain::for_each_profile_field([&](const char* field, auto member) { read(j, field, p.*member); });
  if (p.degree && (*p.degree < 1 || *p.degree > 3)) wrong("degree", "1, 2, 3 or null");
  return p;
}

json to_json(const domain::profile& p) {
  json j = json::object();
  if (!p.network.empty()) j["network"] = p.network;
  if (!p.profile_url.empty()) j["profile_url"] = p.profile_url;
  domain::for_each_profile_field([&](const char* field, auto member) { put(j, field, p.*member); });
  return j;
}

json to_json(const std::vector<domain::reason>& reasons) {
  json out = json::array();
  for (const auto& r : reasons) {
    json j = {{"code", r.code}, {"weight", r.weight}, {"detail", r.detail}};
    if (r.value) j["value"] = *r.value;
    if (!r.kinds.empty()) j["kinds"] = r.kinds;
    if (!r.evidence.empty()) j["evidence"] = r.evidence;
    out.push_back(std::move(j));
  }
  return out;
}

json to_json(const domain::assessment& a) {
  return json{{"score", a.score},
              {"level", std::string(domain::to_string(a.level))},
              {"reasons", to_json(a.reasons)},
              {"verdict", a.verdict ? json(*a.verdict) : json(nullptr)}};
}

}  // namespace vigie::app
