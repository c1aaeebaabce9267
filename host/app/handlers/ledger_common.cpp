#include "app/handlers/ledger_common.hpp"

#include <cmath>
#include <cstdint>

#include "app/input_limits.hpp"
#include "app/profile_json.hpp"
#include "common/error.hpp"

namespace vigie::app {

namespace {

[[noreturn]] void wrong(const char* field, const char* expected) {
  throw error(errc::bad_request, std::string("\"") + field + "\" must be " + expected);
}

const json* find(const json& body, const char* field) {
  if (!body.is_object()) return nullptr;
  const auto it = body.find(field);
  return it == body.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

const json& required_field(const json& body, const char* field) {
  const auto* v = find(body, field);
  if (!v) throw error(errc::bad_request, std::string("missing field \"") + field + "\"");
  return *v;
}

std::string required_string(const json& body, const char* field) {
  const auto& v = required_field(body, field);
  if (!v.is_string()) wrong(field, "a string");
  bounds::check_length(field, v.get_ref<const std::string&>(), bounds::text_limit(field));
  return v.get<std::string>();
}

std::optional<std::string> optional_string(const json& body, const char* field) {
  const auto* v = find(body, field);
  if (!v) return std::nullopt;
  if (!v->is_string()) wrong(field, "a string");
  bounds::check_length(field, v->get_ref<const std::string&>(), bounds::text_limit(field));
  return v->get<std::string>();
}

std::optional<std::int64_t> optional_integer(const json& body, const char* field) {
  const auto* v = find(body, field);
  if (!v) return std::nullopt;
  if (v->is_number_unsigned()) {
    if (v->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX)) return v->get<std::int64_t>();
  } else if (v->is_number_integer()) {
    return v->get<std::int64_t>();
  } else if (v->is_number_float()) {
    // Range first: converting an out-of-range double to an integer is undefined behaviour.
    const double d = v->get<double>();
    if (std::isfinite(d) && d >= -9.2e18 && d <= 9.2e18 && d == std::trunc(d)) return static_cast<std::int64_t>(d);
  }
  wrong(field, "an integer");
}

std::optional<bool> optional_bool(const json& body, const char* field) {
  const auto* v = find(body, field);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) wrong(field, "true or false");
  return v->get<bool>();
}

const json& required_array(const json& body, const char* field) {
  const auto& v = required_field(body, field);
  if (!v.is_array()) wrong(field, "an array");
  return v;
}

std::optional<std::int64_t> optional_integer(const json& body, const char* field, std::int64_t min,
                                             std::int64_t max) {
  const auto v = optional_integer(body, field);
  if (v && (*v < min || *v > max))
    throw error(errc::bad_request, std::string("\"") + field + "\" must be between " + std::to_string(min) + " and " +
                                       std::to_string(max) + ", got " + std::to_string(*v));
  return v;
}

std::optional<domain::millis> optional_time(const json& body, const char* field, const context& ctx) {
  const auto v = optional_integer(body, field);
  if (!v) return v;
  const auto now = ctx.clock.now();
  if (*v < bounds::earliest_time)
    throw error(errc::bad_request, std::string("\"") + field +
                                       "\" must be milliseconds since the epoch, not before 2003-01-01; got " +
                                       std::to_string(*v));
  if (*v > now + bounds::future_slack)
    throw error(errc::bad_request, std::string("\"") + field + "\" is more than one day after the host's clock (" +
                                       std::to_string(*v) + " > " + std::to_string(now) + " + 1 day)");
  return v;
}

domain::millis event_time(const json& body, const context& ctx) {
  return optional_time(body, "at", ctx).value_or(ctx.clock.now());
}

observed_person observe(context& ctx, const json& profile_json, domain::millis at, std::string_view source,
                        assess_mode mode) {
  return ledger_of(ctx).observe(profile_from_json(profile_json), at, source, mode);
}

std::int64_t find_person(context& ctx, const std::string& profile_url, const std::optional<std::string>& network) {
  const auto key = network ? domain::canonical_profile_key(*network, profile_url)
                           : domain::canonical_profile_key(profile_url);
  const auto id = ledger_of(ctx).find_person(key);
  if (!id) throw error(errc::not_found, "no record of " + profile_url);
  return *id;
}

json timestamp(const std::optional<domain::millis>& at) { return at ? json(*at) : json(nullptr); }

json invitation_json(const storage::invitation_row& r) {
  return json{{"id", r.id},
              {"network", r.network},
              {"direction", r.direction},
              {"status", r.status},
              {"note", r.note},
              {"source", r.source},
              {"created_at", r.created_at},
              {"time_known", r.time_known},
              {"decided_at", timestamp(r.decided_at)}};
}

json listed_json(const storage::listed_invitation& item) {
  auto j = invitation_json(item.invitation);
  auto opt = [](const auto& v) { return v ? json(*v) : json(nullptr); };
  j["person"] = json{{"profile_url", item.profile_url}, {"name", opt(item.name)},
                     {"headline", opt(item.headline)}, {"current_title", opt(item.current_title)},
                     {"level", opt(item.level)},       {"score", opt(item.score)},
                     {"verdict", opt(item.verdict)}};
  return j;
}

json stored_assessment_json(const storage::person_row& row) {
  if (!row.assessment_level) return nullptr;
  json reasons = json::array();
  if (row.assessment_reasons) {
    reasons = json::parse(*row.assessment_reasons, nullptr, false);
    if (reasons.is_discarded()) reasons = json::array();
  }
  return json{{"score", row.assessment_score.value_or(0)},
              {"level", *row.assessment_level},
              {"reasons", std::move(reasons)},
              {"verdict", row.user_verdict ? json(*row.user_verdict) : json(nullptr)},
              {"assessed_at", timestamp(row.assessed_at)}};
}

}  // namespace vigie::app
