// invitation.check (app/handlers/check_handlers.cpp) over stored counts: the limits at their
// boundaries, notes, re-invites, acceptance;
// through the real dispatcher on a :memory: database (ledger_fixture.hpp).
#include <doctest/doctest.h>

#include "domain/keyed_hash.hpp"
#include "domain/limits.hpp"
#include "ledger_fixture.hpp"
#include "storage/team_repository.hpp"

using namespace vigie;
using namespace vigie::testing;
using json = nlohmann::json;
using domain::ms_per_day;
using domain::parse_iso8601;

TEST_CASE("sends of today count toward the daily limit: 16th caution, 20th caution, 21st stop") {
  ledger_fixture f;
  const auto now = f.clock.now();
  const auto midnight = domain::local_day_start(now);
  f.sent("yesterday", midnight - 1);  // not today
  for (int i = 0; i < 15; ++i) f.sent("p" + std::to_string(i), midnight + i * 60'000);
  CHECK(f.check("target")["verdict"] == "caution");  // 16th
  CHECK(f.check("target")["counts"]["today"] == 15);
  for (int i = 15; i < 19; ++i) f.sent("p" + std::to_string(i), midnight + i * 60'000);
  CHECK(f.check("target")["verdict"] == "caution");  // 20th
  f.sent("p19", midnight + 19 * 60'000);
  const auto stop = f.check("target");  // 21st
  CHECK(stop["verdict"] == "stop");
  CHECK(has_reason(stop, "daily_limit"));
  CHECK(stop["counts"]["daily_limit"] == 20);
}

TEST_CASE("the rolling week drops a send exactly 7 × 24 h old and keeps one a millisecond younger") {
  ledger_fixture f;
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.free.weekly_limit", 3}, {"linkedin.free.daily_limit", 50}}}});
  const auto now = f.clock.now();
  f.sent("a", now - 2 * ms_per_day);
  f.sent("b", now - 3 * ms_per_day);
  f.sent("edge", now - domain::rolling_week_ms);
  CHECK(f.check("x")["counts"]["week"] == 2);
  CHECK(f.check("x")["verdict"] == "caution");  // 3rd of 3
  f.sent("inside", now - domain::rolling_week_ms + 1);
  CHECK(f.check("x")["counts"]["week"] == 3);
  CHECK(f.check("x")["verdict"] == "stop");
}

TEST_CASE("on DST-change days the local day is still midnight to midnight (Europe/Paris)") {
  struct row { const char* now; const char* first_today; const char* last_yesterday; };
  const row rows[] = {{"2026-03-29T23:30:00+02:00", "2026-03-29T00:00:00+01:00", "2026-03-28T23:59:59+01:00"},
                      {"2026-10-25T23:30:00+01:00", "2026-10-25T00:00:00+02:00", "2026-10-24T23:59:59+02:00"}};
  for (const auto& r : rows) {
    CAPTURE(r.now);
    ledger_fixture f("Europe/Paris", r.now);
    f.sent("before", parse_iso8601(r.last_yesterday));
    f.sent("first", parse_iso8601(r.first_today));
    f.sent("late", parse_iso8601(r.now) - 60'000);
    CHECK(f.check("x")["counts"]["today"] == 2);
  }
}

TEST_CASE("a pending invitation to the person stops a second one; withdrawal then blocks for 21 days") {
  ledger_fixture f;
  f.sent("anne", f.clock.now() - ms_per_day);
  const auto dup = f.check("anne");
  CHECK(dup["verdict"] == "stop");
  CHECK(has_reason(dup, "duplicate_pending"));
  CHECK(f.ok({{"type", "invitation.withdrawn"},
              {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("anne")}}}})["withdrawn"] == 1);
  f.clock.advance(20 * ms_per_day);
  const auto soon = f.check("Anne");
  CHECK(has_reason(soon, "reinvite_too_soon"));
  CHECK_FALSE(has_reason(soon, "duplicate_pending"));
  f.clock.advance(ms_per_day);
  CHECK(f.check("anne")["verdict"] == "ok");
}

TEST_CASE("a withdrawal of an invitation Vigie never saw still blocks re-invites") {
  ledger_fixture f;
  CHECK(f.ok({{"type", "invitation.withdrawn"},
              {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("old")}}}})["withdrawn"] == 0);
  CHECK(has_reason(f.check("old"), "reinvite_too_soon"));
  CHECK(f.check("old")["counts"]["today"] == 0);
}

TEST_CASE("notes are stopped over the free length and cautioned past the monthly allowance") {
  ledger_fixture f;
  const std::string accented(201, 'a');
  CHECK(has_reason(f.check("x", accented), "note_too_long"));
  std::string e200;
  for (int i = 0; i < 200; ++i) e200 += "\xC3\xA9";
  CHECK_FALSE(has_reason(f.check("x", e200), "note_too_long"));
  for (int i = 0; i < 5; ++i) f.sent("n" + std::to_string(i), f.clock.now() - i * 1000, "Bonjour !");
  CHECK(has_reason(f.check("x", "Bonjour"), "note_allowance"));
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.account_type", "premium"}}}});
  CHECK_FALSE(has_reason(f.check("x", "Bonjour"), "note_allowance"));
  CHECK_FALSE(has_reason(f.check("x", std::string(300, 'a')), "note_too_long"));
  CHECK(has_reason(f.check("x", std::string(301, 'a')), "note_too_long"));
}

TEST_CASE("the check reply carries the note limit of the account type, following settings.set") {
  // The page's live counter has no limit of its own: it shows this one.
  ledger_fixture f;
  CHECK(f.check("x")["note_max"] == 200);
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.account_type", "premium"}}}});
  const auto premium = f.check("x", std::string(250, 'a'));
  CHECK(premium["note_max"] == 300);
  CHECK(premium["verdict"] == "ok");  // 250 characters are fine on Premium
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.premium.note_max", 240}}}});
  const auto shorter = f.check("x", std::string(250, 'a'));
  CHECK(shorter["note_max"] == 240);
  CHECK(has_reason(shorter, "note_too_long"));
}

TEST_CASE("a check without a person judges the next send by the counts alone (the popup's gauges)") {
  ledger_fixture f;
  const auto now = f.clock.now();
  f.sent("pending-one", now - 1000);
  for (int i = 0; i < 18; ++i) f.sent("p" + std::to_string(i), now - 2000 - i);
  const auto next = f.ok({{"type", "invitation.check"}, {"network", "linkedin"}});  // the 20th of 20
  CHECK(next["verdict"] == "caution");
  CHECK(has_reason(next, "daily_limit"));
  CHECK_FALSE(has_reason(next, "duplicate_pending"));  // no person: no per-person rule
  CHECK(next["counts"]["today"] == 19);
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.free.daily_limit", 19}}}});
  CHECK(f.ok({{"type", "invitation.check"}, {"network", "linkedin"}})["verdict"] == "stop");
}

TEST_CASE("acceptance is judged on decided invitations only once 20 are decided") {
  ledger_fixture f;
  f.ok({{"type", "settings.set"}, {"settings", {{"linkedin.free.daily_limit", 1000}, {"linkedin.free.weekly_limit", 1000}}}});
  const auto base = f.clock.now() - 60 * ms_per_day;
  for (int i = 0; i < 19; ++i) {
    f.sent("w" + std::to_string(i), base + i);
    f.ok({{"type", "invitation.withdrawn"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("w" + std::to_string(i))}}},
          {"at", base + ms_per_day + i}});
  }
  CHECK_FALSE(has_reason(f.check("x"), "low_acceptance"));
  CHECK(f.check("x")["counts"]["acceptance"]["rate"] == 0.0);
  f.sent("w19", base + 19);
  f.ok({{"type", "connection.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("w19")}}}});
  const auto c = f.check("x");
  CHECK(has_reason(c, "low_acceptance"));
  CHECK(c["counts"]["acceptance"]["rate"].get<double>() == doctest::Approx(0.05));
  CHECK(c["counts"]["acceptance"]["decided"] == 20);
  CHECK(c["counts"]["acceptance"]["window"] == 50);
}

TEST_CASE("the acceptance rate is over the last low_acceptance_window decided sent invitations, the same in stats and check") {
  ledger_fixture f;
  f.ok({{"type", "settings.set"},
        {"settings", {{"linkedin.free.daily_limit", 1000}, {"linkedin.free.weekly_limit", 1000},
                      {"linkedin.free.low_acceptance_window", 20}}}});
  const auto base = f.clock.now() - 60 * ms_per_day;
  // 10 old acceptances, then 20 later withdrawals: over the last 20 decided, 0 %.
  for (int i = 0; i < 10; ++i) {
    f.sent("a" + std::to_string(i), base + i);
    f.ok({{"type", "connection.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("a" + std::to_string(i))}}},
          {"at", base + ms_per_day + i}});
  }
  for (int i = 0; i < 20; ++i) {
    f.sent("w" + std::to_string(i), base + 100 + i);
    f.ok({{"type", "invitation.withdrawn"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("w" + std::to_string(i))}}},
          {"at", base + 2 * ms_per_day + i}});
  }
  f.sent("pending", base + 200);  // pending: not decided, not counted
  const auto check = f.check("x")["counts"]["acceptance"];
  CHECK(check == json{{"rate", 0.0}, {"accepted", 0}, {"decided", 20}, {"window", 20}});
  const auto stats = f.ok({{"type", "stats.get"}, {"network", "linkedin"}});
  CHECK(stats["acceptance"] == check);
  for (const char* k : {"today", "week", "pending", "daily_limit", "weekly_limit"}) {
    CAPTURE(k);
    CHECK(stats[k] == f.check("x")["counts"][k]);
  }
}

// ----------------------------------------------------------------------------------------------------
// Team reasons: read from the local copy of the team's data (docs/TEAM.md), keyed by the team hash.

TEST_CASE("in a team, a teammate's rows about the person give the team reasons, with who and since, as the team set them") {
  ledger_fixture f;
  const auto now = f.clock.now();
  storage::team_repository team(f.db);
  storage::team_membership_row me;
  me.conninfo = "host=/nowhere";
  me.member_id = "self";
  me.display_name = "Me";
  me.secret = std::string(64, '7');
  me.joined_at = now;
  team.join(me);
  team.apply(storage::team_member_row{"lea", "Léa", true, false});
  const auto hash_of = [&](const std::string& slug) { return domain::team_person_hash(me.secret, "linkedin", slug); };
  storage::team_invitation_row row;
  row.member_id = "lea";
  row.local_id = 1;
  row.key_hash = hash_of("prospect");
  row.network = "linkedin";
  row.direction = "sent";
  row.status = "pending";
  row.created_at = now - 2 * ms_per_day;
  team.apply(row);

  SUBCASE("pending, a caution by default") {
    const auto r = f.check("prospect");
    CHECK(r["verdict"] == "caution");
    REQUIRE(has_reason(r, "team_pending"));
    for (const auto& reason : r["reasons"])
      if (reason["code"] == "team_pending") {
        CHECK(reason["who"] == "Léa");
        CHECK(reason["since"] == now - 2 * ms_per_day);
        CHECK(reason["value"] == 2);
      }
    CHECK_FALSE(has_reason(f.check("someone-else"), "team_pending"));
  }
  SUBCASE("the team made it a stop") {
    team.put_setting("verdict.team_pending", "stop");
    CHECK(f.check("prospect")["verdict"] == "stop");
  }
  SUBCASE("a value the setting does not accept keeps the default") {
    team.put_setting("verdict.team_pending", "ok");
    CHECK(f.check("prospect")["verdict"] == "caution");
  }
  SUBCASE("the user's own row under their member id is no team reason") {
    row.member_id = "self";
    row.local_id = 9;
    row.key_hash = hash_of("mine");
    team.apply(row);
    CHECK_FALSE(has_reason(f.check("mine"), "team_pending"));
  }
  SUBCASE("after leaving, nothing") {
    team.leave();
    CHECK_FALSE(has_reason(f.check("prospect"), "team_pending"));
  }
  SUBCASE("reasons other than the team's carry no who or since") {
    const auto r = f.check("prospect");
    for (const auto& reason : r["reasons"])
      if (reason["code"] != "team_pending") CHECK_FALSE(reason.contains("who"));
  }
}
