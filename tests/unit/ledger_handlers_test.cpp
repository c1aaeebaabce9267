// The events (app/handlers/ledger_handlers.cpp): sent, received, the sent list, connections,
// replays, snapshots, bounds at the door;
// through the real dispatcher on a :memory: database (ledger_fixture.hpp).
#include <doctest/doctest.h>

#include <map>

#include "common/error.hpp"
#include "domain/limits.hpp"
#include "ledger_fixture.hpp"

using namespace vigie;
using namespace vigie::testing;
using json = nlohmann::json;
using domain::ms_per_day;

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
