// stats.get and invitations.list (app/handlers/query_handlers.cpp, app/ledger_views.cpp) over a filled ledger;
// through the real dispatcher on a :memory: database (ledger_fixture.hpp).
#include <doctest/doctest.h>

#include "domain/limits.hpp"
#include "ledger_fixture.hpp"

using namespace vigie;
using namespace vigie::testing;
using json = nlohmann::json;
using domain::ms_per_day;

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
  CHECK(s["acceptance"]["rate"] == 1.0);
  CHECK(s["acceptance"]["decided"] == 1);
  CHECK(s["acceptance_by_week"].size() == 12);
  CHECK(s["sent_per_day"].size() == 90);
  CHECK(s["sent_per_day"][89]["count"] == 1);
  CHECK(s["sent_per_day"][89]["date"] == "2026-11-21");
  CHECK(s["drift"]["count"] == 1);
  CHECK(s["drift"]["last"]["page_kind"] == "invitations");
}

TEST_CASE("each week's cohort counts its accepted, and as decided the accepted and withdrawn, not the pending") {
  ledger_fixture f;
  const auto now = f.clock.now();  // Saturday 2026-11-21
  const auto at = now - 2 * ms_per_day;  // this week
  for (const char* slug : {"acc", "wd", "pend"}) f.sent(slug, at);
  f.ok({{"type", "connection.seen"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("acc")}}}});
  f.ok({{"type", "invitation.withdrawn"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("wd")}}}});
  const auto weekly = f.ok({{"type", "stats.get"}, {"network", "linkedin"}})["acceptance_by_week"];
  const auto& week = weekly[11];
  CHECK(week["sent"] == 3);
  CHECK(week["accepted"] == 1);
  CHECK(week["decided"] == 2);
  CHECK(week["rate"] == 0.5);
  CHECK(weekly[10]["sent"] == 0);
  CHECK(weekly[10]["rate"].is_null());  // nothing decided: no rate, not 0 %
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

TEST_CASE("invitations.list sorts by a column the host knows, in either order, and pages in that order") {
  ledger_fixture f;
  const char* names[] = {"bob", "Alice", "carol"};
  for (int i = 0; i < 3; ++i)
    f.ok({{"type", "invitation.sent"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin(std::string("s") + std::to_string(i))}, {"name", names[i]}}},
          {"at", 1'780'000'000'000 + i * 1000}});
  auto order = [&](const json& body) {
    json request = body;
    request["type"] = "invitations.list";
    std::vector<std::string> out;
    const auto page = f.ok(request);  // kept: the loop must not walk a destroyed temporary
    for (const auto& item : page["items"]) out.push_back(item["person"]["name"].get<std::string>());
    return out;
  };
  CHECK(order(json::object()) == std::vector<std::string>{"carol", "Alice", "bob"});  // newest first
  CHECK(order({{"sort", "created_at"}, {"order", "asc"}}) == std::vector<std::string>{"bob", "Alice", "carol"});
  CHECK(order({{"sort", "name"}, {"order", "asc"}}) == std::vector<std::string>{"Alice", "bob", "carol"});
  CHECK(order({{"sort", "name"}}) == std::vector<std::string>{"carol", "bob", "Alice"});
  CHECK(order({{"sort", "name"}, {"order", "asc"}, {"limit", 1}, {"offset", 1}}) == std::vector<std::string>{"bob"});
  CHECK(f.error_code({{"type", "invitations.list"}, {"sort", "p.name; DROP TABLE people"}}) == "bad_request");
  CHECK(f.error_code({{"type", "invitations.list"}, {"order", "up"}}) == "bad_request");
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
