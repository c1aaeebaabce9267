#include "domain/settings.hpp"

#include <algorithm>
#include <iterator>

#include "common/error.hpp"
#include "domain/ledger.hpp"

namespace vigie::domain {

namespace {

// The one table of settings: key, type, default, bounds, and what the options page shows.
std::vector<setting_def> build_defs() {
  using k = setting_kind;
  std::vector<setting_def> defs;
  const auto null = setting_value{};
  // `name` is the key without its network and account type; the label's message key follows it.
  const auto add = [&defs](std::string network, std::string account, const std::string& name, k kind,
                           setting_value fallback, std::string unit, bool nullable = false, std::int64_t min = 0,
                           std::int64_t max = 1'000'000'000) {
    std::string key;
    for (const auto* part : {&network, &account})
      if (!part->empty()) key += *part + ".";
    key += name;
    std::string label = "set_" + name;
    for (auto& c : label)
      if (c == '.') c = '_';  // message names allow letters, digits and underscores only
    defs.push_back({std::move(key), kind, std::move(fallback), nullable, min, max, std::move(unit),
                    std::move(network), std::move(account), std::move(label)});
  };
  for (const auto net : networks) {
    const std::string n(net);
    add(n, "", "account_type", k::account_type, std::string("free"), "");
    // The user's own connection count; the connection_cap rule needs it.
    add(n, "", "own_connections", k::integer, null, "connections", true);
    // LinkedIn drops invitations left pending about six months.
    add(n, "", "pending_expiry_days", k::integer, std::int64_t{183}, "days", false, 1);
    for (const auto acct : account_types) {
      const std::string a(acct);
      const bool premium = acct == "premium";
      // The thresholds' defaults are limits_config's own (a free LinkedIn
      // account); only what differs for Premium or for Viadeo is said here.
      const limits_config d;
      const auto optional = [&null](const std::optional<std::int64_t>& v) { return v ? setting_value{*v} : null; };
      add(n, a, "daily_limit", k::integer, d.daily_limit, "invitations", false, 1);
      add(n, a, "weekly_limit", k::integer, d.weekly_limit, "invitations", false, 1);
      add(n, a, "caution_ratio", k::ratio, d.caution_ratio, "ratio");
      // Premium notes: 300 characters, as many as the user likes.
      add(n, a, "note_max", k::integer, premium ? std::int64_t{300} : d.note_max, "characters", false, 0, 100'000);
      add(n, a, "note_allowance", k::integer, premium ? null : optional(d.note_allowance), "notes", true);
      add(n, a, "low_acceptance_rate", k::ratio, d.low_acceptance_rate, "ratio");
      add(n, a, "low_acceptance_window", k::integer, d.low_acceptance_window, "invitations", false, 1, 100'000);
      add(n, a, "low_acceptance_min_decided", k::integer, d.low_acceptance_min_decided, "invitations", false, 1,
          100'000);
      add(n, a, "max_pending", k::integer, d.max_pending, "invitations");
      add(n, a, "reinvite_days", k::integer, d.reinvite_days, "days", false, 0, 3650);
      // Viadeo publishes no cap on connections.
      add(n, a, "connection_cap", k::integer, n == "linkedin" ? optional(d.connection_cap) : null, "connections",
          true, 1);
    }
  }
  add("", "", "retention_days", k::integer, null, "days", true, 1, max_days);
  add("", "", "badges", k::boolean, true, "");
  for (const auto* list : {"lexicon.odd_titles.add", "lexicon.odd_titles.remove", "lexicon.scam_phrases.add",
                           "lexicon.scam_phrases.remove"})
    add("", "", list, k::string_list, std::vector<std::string>{}, "");
  return defs;
}

[[noreturn]] void refuse(std::string_view key, std::string_view why) {
  throw error(errc::bad_request, "setting \"" + std::string(key) + "\": " + std::string(why));
}

const setting_def& def_or_throw(std::string_view key) {
  const auto* def = find_setting_def(key);
  if (!def) refuse(key, "unknown key");
  return *def;
}

}  // namespace

std::string_view to_string(setting_kind kind) noexcept {
  switch (kind) {
    case setting_kind::integer: return "integer";
    case setting_kind::ratio: return "ratio";
    case setting_kind::boolean: return "boolean";
    case setting_kind::account_type: return "account_type";
    case setting_kind::string_list: return "string_list";
  }
  return "integer";
}

const std::vector<setting_def>& setting_defs() {
  static const std::vector<setting_def> defs = build_defs();
  return defs;
}

const setting_def* find_setting_def(std::string_view key) noexcept {
  static const auto index = [] {
    std::unordered_map<std::string_view, const setting_def*> m;
    for (const auto& d : setting_defs()) m.emplace(d.key, &d);
    return m;
  }();
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

setting_value validate_setting(std::string_view key, setting_value value) {
  const auto& def = def_or_throw(key);
  if (std::holds_alternative<std::monostate>(value)) {
    if (!def.nullable) refuse(key, "may not be null");
    return value;
  }
  switch (def.kind) {
    case setting_kind::integer: {
      const auto* v = std::get_if<std::int64_t>(&value);
      if (!v) refuse(key, "must be an integer");
      if (*v < def.min || *v > def.max)
        refuse(key, "must be between " + std::to_string(def.min) + " and " + std::to_string(def.max));
      return value;
    }
    case setting_kind::ratio: {
      double r = 0;
      if (const auto* i = std::get_if<std::int64_t>(&value)) r = static_cast<double>(*i);
      else if (const auto* d = std::get_if<double>(&value)) r = *d;
      else refuse(key, "must be a number between 0 and 1");
      if (!(r >= ratio_min && r <= ratio_max)) refuse(key, "must be a number between 0 and 1");
      return r;
    }
    case setting_kind::boolean:
      if (!std::holds_alternative<bool>(value)) refuse(key, "must be true or false");
      return value;
    case setting_kind::account_type: {
      const auto* s = std::get_if<std::string>(&value);
      if (!s || std::find(std::begin(account_types), std::end(account_types), *s) == std::end(account_types))
        refuse(key, "must be \"free\" or \"premium\"");
      return value;
    }
    case setting_kind::string_list:
      if (!std::holds_alternative<std::vector<std::string>>(value)) refuse(key, "must be an array of strings");
      return value;
  }
  refuse(key, "unsupported kind");
}

void settings::set(std::string_view key, setting_value value) {
  values_[std::string(key)] = validate_setting(key, std::move(value));
}

const setting_value& settings::get(std::string_view key) const {
  if (const auto it = values_.find(std::string(key)); it != values_.end()) return it->second;
  const auto* def = find_setting_def(key);
  if (!def) throw error(errc::internal, "no such setting: " + std::string(key));
  return def->fallback;
}

std::int64_t settings::integer(std::string_view key) const {
  const auto v = optional_integer(key);
  if (!v) throw error(errc::internal, "setting " + std::string(key) + " is null");
  return *v;
}

std::optional<std::int64_t> settings::optional_integer(std::string_view key) const {
  const auto& v = get(key);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  return std::nullopt;
}

double settings::ratio(std::string_view key) const {
  const auto& v = get(key);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  throw error(errc::internal, "setting " + std::string(key) + " is not a number");
}

bool settings::boolean(std::string_view key) const {
  const auto& v = get(key);
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  throw error(errc::internal, "setting " + std::string(key) + " is not a boolean");
}

const std::string& settings::text(std::string_view key) const {
  const auto& v = get(key);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  throw error(errc::internal, "setting " + std::string(key) + " is not a string");
}

const std::vector<std::string>& settings::list(std::string_view key) const {
  const auto& v = get(key);
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) return *l;
  throw error(errc::internal, "setting " + std::string(key) + " is not a list");
}

std::string settings::account_type(std::string_view network) const {
  return text(std::string(network) + ".account_type");
}

limits_config settings::limits(std::string_view network) const {
  const std::string n(network);
  const std::string p = n + "." + account_type(network) + ".";
  limits_config c;
  c.daily_limit = integer(p + "daily_limit");
  c.weekly_limit = integer(p + "weekly_limit");
  c.caution_ratio = ratio(p + "caution_ratio");
  c.note_max = integer(p + "note_max");
  c.note_allowance = optional_integer(p + "note_allowance");
  c.low_acceptance_rate = ratio(p + "low_acceptance_rate");
  c.low_acceptance_window = integer(p + "low_acceptance_window");
  c.low_acceptance_min_decided = integer(p + "low_acceptance_min_decided");
  c.max_pending = integer(p + "max_pending");
  c.reinvite_days = integer(p + "reinvite_days");
  c.connection_cap = optional_integer(p + "connection_cap");
  c.own_connections = optional_integer(n + ".own_connections");
  return c;
}

std::int64_t settings::pending_expiry_days(std::string_view network) const {
  return integer(std::string(network) + ".pending_expiry_days");
}

}  // namespace vigie::domain
