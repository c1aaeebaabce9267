// domain/team: the team's settings, defined once: defaults, accepted values, the check's policy.
#include <doctest/doctest.h>

#include "domain/team.hpp"

using namespace vigie::domain;

TEST_CASE("every team setting's default is a value it accepts") {
  for (const auto& s : team_settings) {
    CAPTURE(s.key);
    CHECK_FALSE(team_setting_error(s.key, s.default_value));
  }
}

TEST_CASE("team settings refuse unknown keys and values, naming what they accept") {
  struct row { const char* key; const char* value; const char* says; };
  const row rows[] = {{"verdict.team_pending", "ok", "caution|stop"},
                      {"verdict.team_fake", "STOP", "caution|stop"},
                      {"share.names", "yes", "on|off"},
                      {"share.everything", "on", "no team setting"}};
  for (const auto& r : rows) {
    CAPTURE(r.key);
    const auto why = team_setting_error(r.key, r.value);
    REQUIRE(why);
    CHECK(why->find(r.says) != std::string::npos);
  }
  CHECK_FALSE(team_setting_error("verdict.team_pending", "stop"));
  CHECK_FALSE(team_setting_error("share.notes", "on"));
}

TEST_CASE("the check's policy: the server's defaults, then what the team stored, ignoring a bad value") {
  const auto defaults = team_policy_of({});
  CHECK(defaults.pending == verdict::caution);
  CHECK(defaults.connected == verdict::caution);
  CHECK(defaults.recent_withdrawal == verdict::stop);
  CHECK(defaults.fake == verdict::stop);
  const auto set = team_policy_of({{"verdict.team_pending", "stop"}, {"verdict.team_fake", "caution"},
                                   {"verdict.team_connected", "nonsense"}});
  CHECK(set.pending == verdict::stop);
  CHECK(set.fake == verdict::caution);
  CHECK(set.connected == verdict::caution);
  CHECK(team_setting_value({}, "share.names") == "off");
  CHECK(team_setting_value({{"share.names", "on"}}, "share.names") == "on");
}
