// person.get, person.mark, person.forget, data.purge (app/handlers/person_handlers.cpp) and the
// automatic retention;
// through the real dispatcher on a :memory: database (ledger_fixture.hpp).
#include <doctest/doctest.h>

#include "app/ledger_of.hpp"
#include "app/retention.hpp"
#include "common/error.hpp"
#include "domain/limits.hpp"
#include "ledger_fixture.hpp"

using namespace vigie;
using namespace vigie::testing;
using json = nlohmann::json;
using domain::ms_per_day;

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
