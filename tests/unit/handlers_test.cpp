// The ledger through the real dispatcher on a :memory: database: events,
// reconciliation, the pre-send check over stored counts, queries.
#include <doctest/doctest.h>

#include <map>

#include "app/ledger_of.hpp"
#include "app/retention.hpp"
#include "common/error.hpp"
#include "domain/limits.hpp"
#include "ledger_fixture.hpp"

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
  CHECK(f.check("x")["counts"]["acceptance_rate"] == 0.0);
  f.sent("w19", base + 19);
  f.ok({{"type", "connection.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("w19")}}}});
  const auto c = f.check("x");
  CHECK(has_reason(c, "low_acceptance"));
  CHECK(c["counts"]["acceptance_rate"].get<double>() == doctest::Approx(0.05));
}

TEST_CASE("a complete sent list accepts connected people, expires old ones and withdraws the rest") {
  ledger_fixture f;
  const auto now = f.clock.now();
  f.sent("kept", now - ms_per_day);
  f.sent("friend", now - 2 * ms_per_day);
  f.sent("gone", now - 3 * ms_per_day);
  f.sent("ancient", now - 200 * ms_per_day);
  f.ok({{"type", "profile.seen"},
        {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("friend")}, {"degree", 1}}},
        {"at", now - ms_per_day}});
  // friend got accepted by profile.seen with degree 1 already; make it pending again through a fresh sent list.
  const auto r = f.ok({{"type", "invitations.sent_list"},
                       {"complete", true},
                       {"profiles", json::array({{{"network", "linkedin"}, {"profile_url", linkedin("kept")}},
                                                 {{"network", "linkedin"}, {"profile_url", linkedin("new")}}})}});
  CHECK(r["pending"] == 2);
  CHECK(r["added"] == 1);
  CHECK(r["withdrawn"] == 1);
  CHECK(r["expired"] == 1);
  CHECK(r["accepted"] == 0);
  CHECK(f.check("new")["counts"]["today"] == 0);  // listed, send time unknown: not counted as today's
  CHECK(has_reason(f.check("gone"), "reinvite_too_soon"));
  const auto friend_ = f.ok({{"type", "person.get"}, {"profile_url", linkedin("friend")}});
  CHECK(friend_["invitations"][0]["status"] == "accepted");
}

TEST_CASE("connection.seen accepts a pending invitation that a complete list no longer shows") {
  ledger_fixture f;
  f.sent("bob", f.clock.now() - ms_per_day);
  f.ok({{"type", "connection.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("bob")}}}});
  const auto p = f.ok({{"type", "person.get"}, {"profile_url", linkedin("bob")}});
  CHECK(p["invitations"][0]["status"] == "accepted");
  CHECK(p["person"]["connected_at"] == f.clock.now());
}

TEST_CASE("received invitations are idempotent and answered ones change status") {
  ledger_fixture f;
  const json batch = {{"type", "invitation.received"},
                      {"invitations", json::array({{{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("r1")}, {"name", "R One"}}},
                                                    {"note", "Hello"}, {"received_at", 1'790'000'000'000}},
                                                   {{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("r2")}}}}})}};
  const auto first = f.ok(batch);
  CHECK(first["added"] == 2);
  CHECK(first["assessments"].size() == 2);
  const auto again = f.ok(batch);
  CHECK(again["added"] == 0);
  CHECK(again["already_known"] == 2);
  CHECK(f.ok({{"type", "invitation.answered"}, {"answer", "ignored"},
              {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("r1")}}}})["updated"] == 1);
  CHECK(f.error_code({{"type", "invitation.answered"}, {"answer", "maybe"},
                      {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("r1")}}}}) == "bad_request");
  const auto list = f.ok({{"type", "invitations.list"}, {"direction", "received"}, {"status", "ignored"}});
  REQUIRE(list["total"] == 1);
  CHECK(list["items"][0]["person"]["name"] == "R One");
  CHECK(list["items"][0]["note"] == "Hello");
}

TEST_CASE("profile.seen keeps dated snapshots and the latest values on the person") {
  ledger_fixture f;
  const auto url = linkedin("claire");
  f.ok({{"type", "profile.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", url}, {"name", "Claire"}, {"headline", "Old"}}}, {"at", f.clock.now() - 2000}});
  f.ok({{"type", "profile.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", url + "?trk=x"}, {"headline", "New"}}}, {"at", f.clock.now() - 1000}});
  const auto p = f.ok({{"type", "person.get"}, {"profile_url", url}});
  CHECK(p["snapshots"].size() == 2);
  CHECK(p["person"]["headline"] == "New");
  CHECK(p["person"]["name"] == "Claire");  // not shown the second time: kept
  CHECK(p["person"]["assessment"].is_object());
  CHECK(f.error_code({{"type", "person.get"}, {"profile_url", linkedin("nobody")}}) == "not_found");
  CHECK(f.error_code({{"type", "profile.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", "https://example.org/in/x"}}}}) == "bad_request");
}

TEST_CASE("person.mark overrides the stored level and null brings the computed one back") {
  ledger_fixture f;
  const auto url = linkedin("mark");
  const auto seen = f.ok({{"type", "profile.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", url}, {"has_photo", true}, {"connections", 800}}}});
  const auto computed = seen["assessment"]["level"];
  CHECK(f.ok({{"type", "person.mark"}, {"profile_url", url}, {"verdict", "fake"}})["assessment"]["level"] == "high");
  CHECK(f.ok({{"type", "stats.get"}})["suspicious"].size() == 1);
  const auto again = f.ok({{"type", "profile.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", url}}}});
  CHECK(again["assessment"]["level"] == "high");
  CHECK(again["assessment"]["verdict"] == "fake");
  CHECK(f.ok({{"type", "person.mark"}, {"profile_url", url}, {"verdict", nullptr}})["assessment"]["level"] == computed);
  CHECK(f.error_code({{"type", "person.mark"}, {"profile_url", url}, {"verdict", "maybe"}}) == "bad_request");
}

TEST_CASE("person.forget erases the person in every table") {
  ledger_fixture f;
  f.ok({{"type", "profile.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("zoe")}, {"name", "Zoé"}}}});
  f.sent("zoe", f.clock.now());
  f.ok({{"type", "drift.report"}, {"page_kind", "profile"}, {"url", linkedin("zoe")}, {"detail", "no name"}});
  f.ok({{"type", "drift.report"}, {"page_kind", "list"}, {"url", "https://www.linkedin.com/mynetwork/"}});
  const auto r = f.ok({{"type", "person.forget"}, {"profile_url", linkedin("zoe")}});
  CHECK(r["deleted"] == 4);  // snapshot, invitation, person, drift report
  CHECK(f.error_code({{"type", "person.get"}, {"profile_url", linkedin("zoe")}}) == "not_found");
  CHECK(f.ok({{"type", "stats.get"}})["drift"]["count"] == 1);
}

TEST_CASE("import.batch is idempotent and connections accept pending invitations") {
  ledger_fixture f;
  const json batch = {{"type", "import.batch"},
                      {"source", "import"},
                      {"invitations", json::array({{{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("i1")}, {"name", "I One"}}},
                                                    {"direction", "sent"}, {"created_at", 1'780'000'000'000}, {"note", "Hi"}},
                                                   {{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("i2")}}},
                                                    {"direction", "received"}, {"created_at", 1'780'000'100'000}}})},
                      {"connections", json::array({{{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("i1")}}},
                                                    {"connected_on", 1'781'000'000'000}}})}};
  const auto first = f.ok(batch);
  CHECK(first["invitations_added"] == 2);
  CHECK(first["invitations_known"] == 0);
  CHECK(first["connections_added"] == 1);
  const auto second = f.ok(batch);
  CHECK(second["invitations_added"] == 0);
  CHECK(second["invitations_known"] == 2);
  CHECK(second["connections_added"] == 0);
  const auto p = f.ok({{"type", "person.get"}, {"profile_url", linkedin("i1")}});
  REQUIRE(p["invitations"].size() == 1);
  CHECK(p["invitations"][0]["status"] == "accepted");
  CHECK(p["invitations"][0]["source"] == "import");
}

TEST_CASE("stats.get reports counts, acceptance, pending ages, candidates, series and drift") {
  ledger_fixture f;
  const auto now = f.clock.now();
  const int ages[] = {0, 7, 8, 21, 22, 90, 91};
  for (const int age : ages) f.sent("a" + std::to_string(age), now - age * ms_per_day - 1000);
  f.sent("acc", now - 40 * ms_per_day);
  f.ok({{"type", "connection.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("acc")}}}});
  f.ok({{"type", "drift.report"}, {"page_kind", "invitations"}, {"url", "https://www.linkedin.com/mynetwork/invitation-manager/"}});
  const auto s = f.ok({{"type", "stats.get"}, {"network", "linkedin"}});
  CHECK(s["today"] == 1);
  CHECK(s["week"] == 1);  // the 7-day-old one is 7 × 24 h + 1 s old: outside the rolling week
  CHECK(s["pending"] == 7);
  CHECK(s["pending_age"] == json{{"0-7", 2}, {"8-21", 2}, {"22-90", 2}, {"90+", 1}});
  REQUIRE(s["withdrawal_candidates"].size() == 3);
  CHECK(s["withdrawal_candidates"][0]["age_days"] == 91);
  CHECK(s["withdrawal_candidates"][2]["age_days"] == 22);
  CHECK(s["acceptance_rate"]["all_time"] == 1.0);
  CHECK(s["acceptance_rate"]["weekly"].size() == 12);
  CHECK(s["sent_per_day"].size() == 90);
  CHECK(s["sent_per_day"][89]["count"] == 1);
  CHECK(s["sent_per_day"][89]["date"] == "2026-11-21");
  CHECK(s["drift"]["count"] == 1);
  CHECK(s["drift"]["last"]["page_kind"] == "invitations");
}

TEST_CASE("invitations.list pages newest first and filters") {
  ledger_fixture f;
  for (int i = 0; i < 5; ++i) f.sent("l" + std::to_string(i), 1'780'000'000'000 + i * 1000, i == 3 ? "Salut Éric" : "");
  const auto page = f.ok({{"type", "invitations.list"}, {"limit", 2}, {"offset", 0}});
  CHECK(page["total"] == 5);
  CHECK(page["items"][0]["created_at"] == 1'780'000'004'000);
  CHECK(page["next_offset"] == 2);
  const auto last = f.ok({{"type", "invitations.list"}, {"limit", 2}, {"offset", 4}});
  CHECK(last["next_offset"].is_null());
  CHECK(f.ok({{"type", "invitations.list"}, {"text", "salut"}})["total"] == 1);
  CHECK(f.ok({{"type", "invitations.list"}, {"since", 1'780'000'002'000}, {"until", 1'780'000'004'000}})["total"] == 2);
  CHECK(f.error_code({{"type", "invitations.list"}, {"limit", 5000}}) == "bad_request");
  CHECK(f.error_code({{"type", "invitations.list"}, {"status", "lost"}}) == "bad_request");
}

TEST_CASE("invitations.list text search ignores case and accents on both sides") {
  ledger_fixture f;
  f.ok({{"type", "profile.seen"},
        {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("elodie-muller")}, {"name", "Élodie MÜLLER"},
                     {"headline", "Chargée de recrutement"}}}});
  f.sent("elodie-muller", 1'780'000'000'000, "Ravi d’échanger, Éric");
  f.sent("other", 1'780'000'001'000, "Hello");
  struct row {
    const char* text;
    int total;
  };
  for (const auto& r : {row{"élodie", 1}, row{"ELODIE", 1}, row{"müller", 1}, row{"muller", 1},
                        row{"chargee", 1}, row{"CHARGÉE DE", 1}, row{"d'echanger", 1}, row{"eric", 1},
                        row{"elodie-muller", 1}, row{"hello", 1}, row{"zoé", 0}, row{"%", 0}, row{"_", 0}}) {
    CAPTURE(r.text);
    CHECK(f.ok({{"type", "invitations.list"}, {"text", r.text}})["total"] == r.total);
  }
}

TEST_CASE("data.purge drops old decided rows and keeps pending invitations") {
  ledger_fixture f;
  const auto now = f.clock.now();
  f.sent("old", now - 400 * ms_per_day);
  f.sent("oldwithdrawn", now - 400 * ms_per_day);
  f.ok({{"type", "invitation.withdrawn"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("oldwithdrawn")}}}, {"at", now - 399 * ms_per_day}});
  const auto r = f.ok({{"type", "data.purge"}, {"older_than_days", 365}});
  CHECK(r["invitations"] == 1);
  CHECK(f.ok({{"type", "stats.get"}})["pending"] == 1);
  CHECK(f.error_code({{"type", "data.purge"}, {"older_than_days", 0}}) == "bad_request");
}

TEST_CASE("data.purge refuses days beyond 36,500 and keeps the withdrawal that blocks a re-invite") {
  ledger_fixture f;
  const auto now = f.clock.now();
  f.sent("ann", now - 10 * ms_per_day);
  f.ok({{"type", "invitation.withdrawn"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("ann")}}}, {"at", now - 2 * ms_per_day}});
  REQUIRE(has_reason(f.check("ann"), "reinvite_too_soon"));
  struct row { const char* name; json days; const char* code; };
  const row rows[] = {
      {"2^63-1 (overflowed the cutoff and erased everything)", json(INT64_MAX), "bad_request"},
      {"2^64-1", json(UINT64_MAX), "bad_request"},
      {"36,501", json(36'501), "bad_request"},
      {"-1", json(-1), "bad_request"},
      {"a float", json(1.5), "bad_request"},
      {"36,500", json(36'500), "ok"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    CHECK(f.error_code({{"type", "data.purge"}, {"older_than_days", r.days}}) == r.code);
  }
  CHECK(has_reason(f.check("ann"), "reinvite_too_soon"));
  CHECK_THROWS_AS(app::ledger_of(f.ctx).purge_older_than(INT64_MAX), vigie::error);
}

TEST_CASE("event times must fall between 2003 and one day after the host's clock") {
  ledger_fixture f;
  const auto now = f.clock.now();
  struct row { const char* name; json at; const char* code; };
  const row rows[] = {
      {"a day and a millisecond ahead", json(now + ms_per_day + 1), "bad_request"},
      {"far future (counted today forever before)", json(now + 3650 * ms_per_day), "bad_request"},
      {"INT64_MAX", json(INT64_MAX), "bad_request"},
      {"1970", json(1000), "bad_request"},
      {"just before 2003", json(1'041'379'199'999), "bad_request"},
      {"2003-01-01", json(1'041'379'200'000), "ok"},
      {"one day ahead (clock skew)", json(now + ms_per_day), "ok"},
  };
  int i = 0;
  for (const auto& r : rows) {
    CAPTURE(r.name);
    CHECK(f.error_code({{"type", "invitation.sent"},
                        {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("t" + std::to_string(i++))}}},
                        {"note", ""},
                        {"at", r.at}}) == r.code);
  }
  CHECK(f.error_code({{"type", "import.batch"},
                      {"invitations", {{{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("imp")}}},
                                        {"direction", "sent"}, {"created_at", now + 30 * ms_per_day}}}}}) == "bad_request");
}

TEST_CASE("text fields are capped at the door, naming the field") {
  ledger_fixture f;
  struct row { const char* name; json request; };
  const auto profile = [](const char* field, std::size_t n) {
    json p = {{"network", "linkedin"}, {"profile_url", linkedin("capped")}};
    p[field] = std::string(n, 'x');
    return p;
  };
  const row rows[] = {
      {"name 1025", {{"type", "profile.seen"}, {"profile", profile("name", 1025)}}},
      {"headline 1025", {{"type", "profile.seen"}, {"profile", profile("headline", 1025)}}},
      {"about 16385", {{"type", "profile.seen"}, {"profile", profile("about", 16385)}}},
      {"note 16385", {{"type", "invitation.sent"}, {"profile", profile("name", 3)}, {"note", std::string(16385, 'n')}}},
      {"url 1025", {{"type", "person.get"}, {"profile_url", linkedin(std::string(1000, 'u'))}}},
      {"drift detail as JSON over 16 KiB", {{"type", "drift.report"}, {"page_kind", "x"}, {"url", "u"}, {"detail", {{"k", std::string(16400, 'd')}}}}},
      {"a lexicon entry of 1025", {{"type", "settings.set"}, {"settings", {{"lexicon.odd_titles.add", {std::string(1025, 'l')}}}}}},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const auto reply = f.call(r.request);
    CHECK(reply["error"]["code"] == "bad_request");
    CHECK(reply["error"]["message"].get<std::string>().find("over its limit") != std::string::npos);
  }
  CHECK(f.error_code({{"type", "profile.seen"}, {"profile", profile("name", 1024)}}) == "ok");
}

TEST_CASE("person.get keeps the newest history that fits in a reply and says how much there is") {
  ledger_fixture f;
  const auto now = f.clock.now();
  const auto url = linkedin("long-history");
  // 120 observations that each change a 16 KiB field: about 2 MB of snapshots.
  for (int i = 0; i < 120; ++i)
    f.ok({{"type", "profile.seen"},
          {"profile", {{"network", "linkedin"}, {"profile_url", url}, {"about", std::string(16000, static_cast<char>('a' + i % 26)) + std::to_string(i)}}},
          {"at", now - (200 - i) * 60'000}});
  const auto reply = f.call({{"type", "person.get"}, {"profile_url", url}});
  REQUIRE(reply["ok"] == true);
  CHECK(reply.dump().size() < 1024 * 1024);
  const auto& r = reply["result"];
  CHECK(r["snapshots_total"] == 120);
  CHECK(r["snapshots"].size() < 120);
  CHECK(r["snapshots"].size() > 40);
  // The newest are kept, newest first.
  CHECK(r["snapshots"].front()["about"].get<std::string>().ends_with("119"));
}

TEST_CASE("stats.get stays under the reply cap with 200 candidates and long names") {
  ledger_fixture f;
  const auto now = f.clock.now();
  for (int i = 0; i < 230; ++i)
    f.ok({{"type", "invitation.sent"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("p" + std::to_string(i) + std::string(900, 'u'))},
                       {"name", std::string(1000, 'N')}}},
          {"note", ""},
          {"at", now - 30 * ms_per_day - i}});
  // Names written before the caps existed (or by an older version): 8,000 bytes each.
  f.db.exec("UPDATE people SET name = replace(hex(zeroblob(4000)), '0', 'N')");
  const auto reply = f.call({{"type", "stats.get"}});
  REQUIRE(reply["ok"] == true);
  const auto& s = reply["result"];
  CHECK(s["withdrawal_candidates"].size() == 200);
  CHECK(s["withdrawal_candidates"][0]["name"].get<std::string>().size() == 256 + 3);  // cut, with "…"
}

namespace {

std::int64_t rows_in(ledger_fixture& f, const std::string& table) {
  auto& st = f.db.prepare("SELECT count(*) FROM " + table);
  st.step();
  const auto n = st.column_int(0);
  st.reset();
  return n;
}

std::map<std::string, std::int64_t> all_rows(ledger_fixture& f) {
  std::map<std::string, std::int64_t> out;
  for (const char* table : {"people", "snapshots", "invitations"}) out[table] = rows_in(f, table);
  auto& st = f.db.prepare("SELECT coalesce(sum(n), 0) FROM invitation_counts");
  st.step();
  out["invitation_counts"] = st.column_int(0);
  st.reset();
  return out;
}

json sent_request(const std::string& slug, domain::millis at, const std::string& name = "Anne") {
  return {{"type", "invitation.sent"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin(slug)}, {"name", name}}},
          {"note", ""},
          {"at", at}};
}

}  // namespace

TEST_CASE("a resent invitation.sent (same person, same at) adds nothing and returns the same invitation_id") {
  ledger_fixture f;
  const auto at = f.clock.now() - 60'000;
  const auto first = f.ok(sent_request("anne", at));
  CHECK(first["already_known"] == false);
  const auto before = all_rows(f);
  CHECK(before.at("snapshots") == 1);

  SUBCASE("right away") {
    const auto again = f.ok(sent_request("anne", at));
    CHECK(again["invitation_id"] == first["invitation_id"]);
    CHECK(again["already_known"] == true);
    CHECK(all_rows(f) == before);
  }
  SUBCASE("after the invitation was accepted and the person's name changed") {
    f.ok({{"type", "connection.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("anne")}}}});
    f.ok({{"type", "profile.seen"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("anne")}, {"name", "Anne-Marie"}}}});
    const auto settled = all_rows(f);
    const auto again = f.ok(sent_request("anne", at));
    CHECK(again["invitation_id"] == first["invitation_id"]);
    CHECK(again["already_known"] == true);
    CHECK(all_rows(f) == settled);
    const auto p = f.ok({{"type", "person.get"}, {"profile_url", linkedin("anne")}});
    CHECK(p["person"]["name"] == "Anne-Marie");  // the old event does not overwrite newer values
    REQUIRE(p["invitations"].size() == 1);
    CHECK(p["invitations"][0]["status"] == "accepted");
  }
  SUBCASE("a different at while it is pending is the pending one, without a new row") {
    const auto other = f.ok(sent_request("anne", at + 5'000));
    CHECK(other["invitation_id"] == first["invitation_id"]);
    CHECK(other["already_known"] == true);
    CHECK(rows_in(f, "invitations") == 1);
  }
  SUBCASE("a different at after a withdrawal is a new invitation") {
    f.ok({{"type", "invitation.withdrawn"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("anne")}}}});
    const auto other = f.ok(sent_request("anne", f.clock.now() + 1));
    CHECK(other["invitation_id"] != first["invitation_id"]);
    CHECK(other["already_known"] == false);
    // ... and the first one resent is still the first one.
    CHECK(f.ok(sent_request("anne", at))["invitation_id"] == first["invitation_id"]);
    CHECK(rows_in(f, "invitations") == 2);
  }
}

TEST_CASE("resends through the dispatcher: in one batch, across batches, and in a batch replayed after a failure") {
  ledger_fixture f;
  const auto at = f.clock.now() - 1'000;
  auto frame = [&](int id, const json& body) {
    auto r = body;
    r["id"] = id;
    return r.dump();
  };
  auto replies = f.d.handle_batch({frame(1, sent_request("bea", at)), frame(2, sent_request("bea", at)),
                                   frame(3, sent_request("carl", at))});
  REQUIRE(replies.size() == 3);
  const auto r1 = json::parse(replies[0]), r2 = json::parse(replies[1]), r3 = json::parse(replies[2]);
  CHECK(r1["result"]["already_known"] == false);
  CHECK(r2["result"]["invitation_id"] == r1["result"]["invitation_id"]);
  CHECK(r2["result"]["already_known"] == true);
  CHECK(r3["result"]["already_known"] == false);
  const auto before = all_rows(f);
  CHECK(before.at("invitations") == 2);
  CHECK(before.at("snapshots") == 2);

  // The host died before answering: the extension resends both, and this
  // time the batch also holds a write that fails, so the dispatcher rolls
  // the batch back and replays it with a savepoint per request.
  replies = f.d.handle_batch({frame(4, sent_request("bea", at)),
                              frame(5, {{"type", "invitation.sent"},
                                        {"profile", {{"network", "linkedin"}, {"profile_url", "https://example.org/x"}}}}),
                              frame(6, sent_request("carl", at)), frame(7, sent_request("dan", at))});
  REQUIRE(replies.size() == 4);
  const auto r4 = json::parse(replies[0]), r5 = json::parse(replies[1]), r6 = json::parse(replies[2]),
             r7 = json::parse(replies[3]);
  CHECK(r4["result"]["invitation_id"] == r1["result"]["invitation_id"]);
  CHECK(r4["result"]["already_known"] == true);
  CHECK(r5["ok"] == false);
  CHECK(r5["error"]["code"] == "bad_request");
  CHECK(r6["result"]["invitation_id"] == r3["result"]["invitation_id"]);
  CHECK(r7["ok"] == true);
  CHECK(r7["result"]["already_known"] == false);
  auto after = all_rows(f);
  CHECK(after.at("invitations") == 3);
  CHECK(after.at("people") == 3);
  CHECK(after.at("snapshots") == 3);
}

TEST_CASE("a snapshot is kept only for an observation that changes something") {
  ledger_fixture f;
  const auto url = linkedin("snap");
  const auto t = f.clock.now() - 10'000;  // event times are real ones (2003 to now + 1 day)
  auto seen = [&](const json& fields, domain::millis at) {
    json profile = {{"network", "linkedin"}, {"profile_url", url}};
    profile.update(fields);
    return f.ok({{"type", "profile.seen"}, {"profile", profile}, {"at", at}});
  };
  seen({{"name", "Snap"}, {"headline", "Chef"}}, t + 1000);
  seen({{"name", "Snap"}, {"headline", "Chef"}}, t + 2000);  // same values: no snapshot
  seen({{"name", "Snap"}}, t + 3000);                        // a subset of known values: no snapshot
  auto p = f.ok({{"type", "person.get"}, {"profile_url", url}});
  CHECK(p["snapshots"].size() == 1);
  CHECK(p["person"]["last_seen_at"] == t + 3000);
  CHECK(p["person"]["first_seen_at"] == t + 1000);
  seen({{"headline", "Head chef"}}, t + 4000);  // a change: kept
  seen({{"headline", "Sous-chef"}}, t + 500);   // older and different: kept as history, row unchanged
  seen({{"headline", "Sous-chef"}}, t + 500);   // its replay: nothing
  p = f.ok({{"type", "person.get"}, {"profile_url", url}});
  CHECK(p["snapshots"].size() == 3);
  CHECK(p["person"]["headline"] == "Head chef");
  CHECK(p["person"]["first_seen_at"] == t + 500);
  CHECK(p["person"]["last_seen_at"] == t + 4000);
}

TEST_CASE("an observation that carries only the profile link keeps no snapshot, one with a field does") {
  ledger_fixture f;
  f.sent("bare", f.clock.now());
  CHECK(f.ok({{"type", "person.get"}, {"profile_url", linkedin("bare")}})["snapshots"].empty());
  f.ok({{"type", "profile.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("bare")}, {"has_photo", false}}}});
  CHECK(f.ok({{"type", "person.get"}, {"profile_url", linkedin("bare")}})["snapshots"].size() == 1);
}

TEST_CASE("the automatic retention never removes what the limits still count") {
  ledger_fixture f;
  const auto now = f.clock.now();
  // Sent 5 days ago, accepted 4 days ago: still in the rolling week.
  f.sent("recent", now - 5 * domain::ms_per_day);
  f.ok({{"type", "connection.seen"}, {"at", now - 4 * domain::ms_per_day},
        {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("recent")}, {"degree", 1}}}});
  // Sent 100 days ago and accepted 90 days ago: older than any limit window.
  f.sent("old", now - 100 * domain::ms_per_day);
  f.ok({{"type", "connection.seen"}, {"at", now - 90 * domain::ms_per_day},
        {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("old")}, {"degree", 1}}}});
  const auto week_before = f.ok({{"type", "invitation.check"}, {"network", "linkedin"},
                                 {"profile_url", linkedin("someone")}})["counts"]["week"];
  f.ok({{"type", "settings.set"}, {"settings", {{"retention_days", 1}}}});
  const auto removed = app::apply_retention(f.ctx);
  CHECK(removed.invitations == 1);  // the old one only: 1 day is raised to the 35-day floor
  const auto list = f.ok({{"type", "invitations.list"}});
  REQUIRE(list["total"] == 1);
  CHECK(list["items"][0]["person"]["profile_url"] == linkedin("recent"));
  CHECK(f.ok({{"type", "invitation.check"}, {"network", "linkedin"}, {"profile_url", linkedin("someone")}})
            ["counts"]["week"] == week_before);
}
