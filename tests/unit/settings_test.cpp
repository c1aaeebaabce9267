// Typed settings: defaults, validation, per network and account type.
#include <doctest/doctest.h>

#include "common/error.hpp"
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
