// Typed settings: defaults, validation, per network and account type.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "common/error.hpp"
#include "app/settings_json.hpp"
#include "domain/settings.hpp"
#include "ledger_fixture.hpp"

using namespace vigie;
using json = nlohmann::json;

TEST_CASE("defaults: LinkedIn and Viadeo 20 a day, 100 a week; notes 200 free, 300 premium") {
  domain::settings s;
  for (const auto* net : {"linkedin", "viadeo"}) {
    const auto c = s.limits(net);
    CHECK(c.daily_limit == 20);
    CHECK(c.weekly_limit == 100);
    CHECK(c.note_max == 200);
    CHECK(c.note_allowance == 5);
  }
  CHECK(s.limits("linkedin").connection_cap == 30'000);
  CHECK_FALSE(s.limits("viadeo").connection_cap.has_value());
  s.set("linkedin.account_type", std::string("premium"));
  CHECK(s.limits("linkedin").note_max == 300);
  CHECK_FALSE(s.limits("linkedin").note_allowance.has_value());
  CHECK(s.limits("viadeo").note_max == 200);
}

TEST_CASE("settings.set refuses unknown keys and wrong types, and writes nothing then") {
  testing::ledger_fixture f;
  struct row { json settings; };
  const row rows[] = {{{{"linkedin.daily_limit", 10}}},
                      {{{"linkedin.free.daily_limit", "ten"}}},
                      {{{"linkedin.free.daily_limit", 0}}},
                      {{{"linkedin.free.caution_ratio", 1.5}}},
                      {{{"linkedin.account_type", "gold"}}},
                      {{{"linkedin.free.weekly_limit", nullptr}}},
                      {{{"lexicon.odd_titles.add", json::array({1})}}},
                      {{{"linkedin.free.weekly_limit", 50}, {"nope", 1}}}};
  for (const auto& r : rows) {
    CAPTURE(r.settings.dump());
    CHECK(f.error_code({{"type", "settings.set"}, {"settings", r.settings}}) == "bad_request");
  }
  CHECK(f.ok({{"type", "settings.get"}})["settings"]["linkedin.free.weekly_limit"] == 100);
}

TEST_CASE("settings.set takes effect on the next check and settings.get shows every key") {
  testing::ledger_fixture f;
  const auto all = f.ok({{"type", "settings.get"}})["settings"];
  CHECK(all.size() == domain::setting_defs().size());
  CHECK(all["linkedin.own_connections"].is_null());
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.own_connections", 30000}, {"linkedin.free.caution_ratio", 1}}}});
  const auto c = f.check("someone");
  CHECK(testing::has_reason(c, "connection_cap"));
  CHECK(f.ok({{"type", "settings.get"}})["settings"]["linkedin.free.caution_ratio"] == 1.0);
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.own_connections", nullptr}}}});
  CHECK_FALSE(testing::has_reason(f.check("someone"), "connection_cap"));
}

TEST_CASE("a setting written by another connection is seen without restarting") {
  const auto path = std::string("/tmp/vigie-settings-test-") + std::to_string(::getpid()) + ".db";
  std::remove(path.c_str());
  {
    storage::database a(path), b(path);
    storage::migrate(a);
    domain::fixed_clock clock(0);
    app::context ctx{a, clock, paths{}, caller{}};
    app::dispatcher d(ctx);
    app::register_all_handlers(d);
    auto daily = [&] {
      return json::parse(d.handle(R"({"id":1,"type":"settings.get"})"))["result"]["settings"]["linkedin.free.daily_limit"];
    };
    CHECK(daily() == 20);
    b.exec(R"(INSERT INTO settings(key, value) VALUES('linkedin.free.daily_limit', '7'))");
    CHECK(daily() == 7);
  }
  for (const auto* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST_CASE("the defaults of the thresholds are limits_config's: a free LinkedIn account's") {
  const domain::limits_config d;
  const auto free = domain::settings{}.limits("linkedin");
  CHECK(free.daily_limit == d.daily_limit);
  CHECK(free.weekly_limit == d.weekly_limit);
  CHECK(free.caution_ratio == d.caution_ratio);
  CHECK(free.note_max == d.note_max);
  CHECK(free.note_allowance == d.note_allowance);
  CHECK(free.low_acceptance_rate == d.low_acceptance_rate);
  CHECK(free.low_acceptance_window == d.low_acceptance_window);
  CHECK(free.low_acceptance_min_decided == d.low_acceptance_min_decided);
  CHECK(free.max_pending == d.max_pending);
  CHECK(free.reinvite_days == d.reinvite_days);
  CHECK(free.connection_cap == d.connection_cap);
}

namespace {

// A value of the definition's type other than its default, inside its bounds.
json another_value(const json& def) {
  const auto type = def["type"].get<std::string>();
  if (type == "integer") return def["default"].is_number_integer() && def["default"] == def["min"] ? def["max"] : def["min"];
  if (type == "ratio") return def["default"] == 0.5 ? 0.25 : 0.5;
  if (type == "boolean") return !def["default"].get<bool>();
  if (type == "account_type") return def["default"] == "free" ? "premium" : "free";
  return json::array({"une entrée"});
}

json read_json_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), path);
  return json::parse(in);
}

}  // namespace

TEST_CASE("settings.get describes every setting once, from the host's table") {
  testing::ledger_fixture f;
  const auto reply = f.ok({{"type", "settings.get"}});
  const auto& defs = reply["definitions"];
  REQUIRE(defs.size() == domain::setting_defs().size());
  std::set<std::string> keys;
  for (const auto& d : defs) {
    const auto key = d["key"].get<std::string>();
    CAPTURE(key);
    CHECK(keys.insert(key).second);
    CHECK(d["default"] == reply["settings"][key]);  // a fresh ledger holds the defaults
    // The key is made of its network, account type and name, so the page can group by them.
    std::string prefix;
    if (!d["network"].is_null()) prefix += d["network"].get<std::string>() + ".";
    if (!d["account_type"].is_null()) prefix += d["account_type"].get<std::string>() + ".";
    CHECK(key.rfind(prefix, 0) == 0);
    CHECK(d["label"].get<std::string>().rfind("set_", 0) == 0);
  }
  const auto daily = std::find_if(defs.begin(), defs.end(), [](const json& d) { return d["key"] == "linkedin.premium.daily_limit"; });
  REQUIRE(daily != defs.end());
  CHECK((*daily)["type"] == "integer");
  CHECK((*daily)["default"] == 20);
  CHECK((*daily)["min"] == 1);
  CHECK((*daily)["unit"] == "invitations");
  CHECK((*daily)["network"] == "linkedin");
  CHECK((*daily)["account_type"] == "premium");
  CHECK((*daily)["label"] == "set_daily_limit");
}

TEST_CASE("every definition round-trips through settings.set: its bounds are kept, one step past is refused") {
  testing::ledger_fixture f;
  const auto defs = f.ok({{"type", "settings.get"}})["definitions"];
  for (const auto& d : defs) {
    const auto key = d["key"].get<std::string>();
    CAPTURE(key);
    const auto value = another_value(d);
    CHECK(f.ok({{"type", "settings.set"}, {"settings", {{key, value}}}})["settings"][key] == value);
    CHECK(f.ok({{"type", "settings.get"}})["settings"][key] == value);
    CHECK(f.ok({{"type", "settings.set"}, {"settings", {{key, d["default"]}}}})["settings"][key] == d["default"]);
    if (d["nullable"].get<bool>()) {
      CHECK(f.ok({{"type", "settings.set"}, {"settings", {{key, nullptr}}}})["settings"][key].is_null());
    } else {
      CHECK(f.error_code({{"type", "settings.set"}, {"settings", {{key, nullptr}}}}) == "bad_request");
    }
    if (d["type"] == "integer") {
      CHECK(f.error_code({{"type", "settings.set"}, {"settings", {{key, d["min"].get<std::int64_t>() - 1}}}}) == "bad_request");
      CHECK(f.error_code({{"type", "settings.set"}, {"settings", {{key, d["max"].get<std::int64_t>() + 1}}}}) == "bad_request");
    }
    if (d["type"] == "ratio") CHECK(f.error_code({{"type", "settings.set"}, {"settings", {{key, 1.01}}}}) == "bad_request");
    if (d["type"] == "account_type") {
      for (const auto& choice : d["choices"])
        CHECK(f.ok({{"type", "settings.set"}, {"settings", {{key, choice}}}})["settings"][key] == choice);
      CHECK(f.error_code({{"type", "settings.set"}, {"settings", {{key, "gold"}}}}) == "bad_request");
    }
  }
}

TEST_CASE("every setting's label and unit has a message in the extension's English and French catalogues") {
  const auto en = read_json_file(std::string(VIGIE_SOURCE_DIR) + "/extension/_locales/en/messages.json");
  const auto fr = read_json_file(std::string(VIGIE_SOURCE_DIR) + "/extension/_locales/fr/messages.json");
  for (const auto& d : app::setting_definitions_json()) {
    CAPTURE(d["key"].get<std::string>());
    std::vector<std::string> names{d["label"].get<std::string>()};
    if (!d["unit"].is_null()) names.push_back("unit_" + d["unit"].get<std::string>());
    for (const auto& name : names) {
      CAPTURE(name);
      CHECK(en.contains(name));
      CHECK(fr.contains(name));
    }
  }
}
