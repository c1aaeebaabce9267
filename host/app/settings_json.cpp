#include "app/settings_json.hpp"

#include <cmath>

#include <spdlog/spdlog.h>

#include "app/input_limits.hpp"
#include "common/error.hpp"
#include "storage/settings_repository.hpp"

namespace vigie::app {

using json = nlohmann::json;

json to_json(const domain::setting_value& value) {
  return std::visit(
      [](const auto& v) -> json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
        else return json(v);
      },
      value);
}

domain::setting_value setting_from_json(std::string_view key, const json& value) {
  if (value.is_null()) return std::monostate{};
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_float()) {
    const double d = value.get<double>();
    // 20.0 is a fine way to write an integer; 0.5 is not an integer.
    const auto* def = domain::find_setting_def(key);
    // Range first: casting an out-of-range double to an integer is undefined behaviour.
    if (def && def->kind == domain::setting_kind::integer && std::isfinite(d) && std::fabs(d) < 9e15 &&
        d == std::trunc(d))
      return static_cast<std::int64_t>(d);
    return d;
  }
  if (value.is_string()) {
    bounds::check_length(key, value.get_ref<const std::string&>(), bounds::max_short_text);
    return value.get<std::string>();
  }
  if (value.is_array()) {
    constexpr std::size_t max_items = 10'000;
    if (value.size() > max_items)
      throw error(errc::bad_request, "setting \"" + std::string(key) + "\": at most 10000 entries");
    std::vector<std::string> items;
    for (const auto& item : value) {
      if (!item.is_string())
        throw error(errc::bad_request, "setting \"" + std::string(key) + "\": must be an array of strings");
      bounds::check_length(key, item.get_ref<const std::string&>(), bounds::max_short_text);
      items.push_back(item.get<std::string>());
    }
    return items;
  }
  throw error(errc::bad_request, "setting \"" + std::string(key) + "\": unsupported value");
}

const nlohmann::json& setting_definitions_json() {
  static const json defs = [] {
    json out = json::array();
    const auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    for (const auto& d : domain::setting_defs()) {
      json item = {{"key", d.key},
                   {"type", std::string(domain::to_string(d.kind))},
                   {"default", to_json(d.fallback)},
                   {"nullable", d.nullable},
                   {"min", nullptr},
                   {"max", nullptr},
                   {"unit", or_null(d.unit)},
                   {"network", or_null(d.network)},
                   {"account_type", or_null(d.account_type)},
                   {"label", d.label}};
      if (d.kind == domain::setting_kind::integer) {
        item["min"] = d.min;
        item["max"] = d.max;
      } else if (d.kind == domain::setting_kind::ratio) {
        item["min"] = domain::ratio_min;
        item["max"] = domain::ratio_max;
      } else if (d.kind == domain::setting_kind::account_type) {
        item["choices"] = json::array();
        for (const auto a : domain::account_types) item["choices"].push_back(std::string(a));
      }
      out.push_back(std::move(item));
    }
    return out;
  }();
  return defs;
}

domain::settings load_settings(storage::database& db) {
  domain::settings out;
  for (const auto& [key, text] : storage::settings_repository(db).load_all()) {
    if (!domain::find_setting_def(key)) {
      spdlog::warn("stored setting {} is not known to this version; ignored", key);
      continue;
    }
    try {
      out.set(key, setting_from_json(key, json::parse(text)));
    } catch (const std::exception& e) {
      spdlog::warn("stored setting {} is unusable ({}); using the default", key, e.what());
    }
  }
  return out;
}

json settings_json(const domain::settings& values) {
  json out = json::object();
  for (const auto& def : domain::setting_defs()) out[def.key] = to_json(values.get(def.key));
  return out;
}


void store_settings(storage::database& db, const json& changes) {
  if (!changes.is_object()) throw error(errc::bad_request, "\"settings\" must be an object of key: value");
  std::vector<std::pair<std::string, json>> checked;
  for (const auto& [key, value] : changes.items()) {
    const auto normalised = domain::validate_setting(key, setting_from_json(key, value));
    checked.emplace_back(key, to_json(normalised));
  }
  storage::settings_repository repo(db);
  for (const auto& [key, value] : checked) repo.put(key, value.dump());
}

}  // namespace vigie::app
