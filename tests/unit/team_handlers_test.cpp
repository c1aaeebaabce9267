// team.view (app/handlers/team_handlers.cpp) over a local copy of a team's
// data seeded straight into the v9 tables, through the real dispatcher on a
// :memory: database (ledger_fixture.hpp).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/keyed_hash.hpp"
#include "domain/stats.hpp"
#include "ledger_fixture.hpp"
#include "storage/database.hpp"
#include "storage/team_repository.hpp"

using namespace vigie;
using namespace vigie::testing;
using json = nlohmann::json;
using domain::ms_per_day;

namespace {

const std::string secret(64, 'b');

struct team_fixture : ledger_fixture {
  using ledger_fixture::ledger_fixture;
  // The user joins as "Me" (member m-self), with the figures shown or not.
  void join(bool show_figures = true, const char* last_error = nullptr) {
    auto& st = db.prepare(
        "INSERT INTO team_membership(id, conninfo, member_id, display_name, secret, show_figures, joined_at,"
        " last_push_at, last_pull_at, last_error) VALUES (1, 'host=/tmp', 'm-self', 'Me', ?1, ?2, 1000, 2000, 3000, ?3)");
    st.bind(1, secret).bind(2, show_figures).bind(3, last_error ? std::optional<std::string>(last_error) : std::nullopt);
    st.run();
  }
  void member(const std::string& id, const std::string& name, bool show_figures) {
    auto& st = db.prepare("INSERT INTO team_members(member_id, display_name, show_figures) VALUES (?1, ?2, ?3)");
    st.bind(1, id).bind(2, name).bind(3, show_figures);
    st.run();
  }
  // One of a member's invitations as the sync copies it.
  void invitation(const std::string& member, const std::string& hash, const std::string& status, domain::millis at,
                  const char* direction = "sent", const char* name = nullptr) {
    auto& st = db.prepare(
        "INSERT INTO team_invitations(member_id, local_id, key_hash, network, direction, status, created_at, name)"
        " VALUES (?1, ?2, ?3, 'linkedin', ?4, ?5, ?6, ?7)");
    st.bind(1, member).bind(2, next_local++).bind(3, hash).bind(4, direction).bind(5, status).bind(6, at)
        .bind(7, name ? std::optional<std::string>(name) : std::nullopt);
    st.run();
  }
  json view() { return ok({{"type", "team.view"}}); }
  std::int64_t next_local = 1;
};

const json* member_named(const json& v, const std::string& name) {
  for (const auto& m : v["members"])
    if (m["name"] == name) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("outside a team, team.view says so and nothing else") {
  team_fixture f;
  CHECK(f.view() == json{{"in_team", false}});
}

TEST_CASE("team.view: the membership's sync state and the outbox waiting to be pushed") {
  team_fixture f;
  f.join(true, "server unreachable");
  f.sent("anne", f.clock.now() - ms_per_day);  // the triggers queue it
  const auto m = f.view()["member"];
  CHECK(m["display_name"] == "Me");
  CHECK(m["show_figures"] == true);
  CHECK(m["last_push_at"] == 2000);
  CHECK(m["last_pull_at"] == 3000);
  CHECK(m["last_error"] == "server unreachable");
  CHECK(m["outbox"].get<int>() >= 1);
}

TEST_CASE("team.view: each shown member's sent, decided, accepted and rate; hidden members only counted") {
  struct row {
    const char* what;
    bool self_shows;
    std::vector<std::string> shown;
    int hidden;
  };
  const row rows[] = {
      {"the user shows their figures", true, {"Léa", "Me"}, 1},
      {"the user keeps theirs private", false, {"Léa"}, 2},
  };
  for (const auto& r : rows) {
    SUBCASE(r.what) {
      team_fixture f;
      f.join(r.self_shows);
      f.member("m-self", "Me (as the server knows me)", true);  // the membership row wins
      f.member("m-lea", "Léa", true);
      f.member("m-tom", "Tom", false);
      const auto now = f.clock.now();
      for (const char* s : {"accepted", "accepted", "withdrawn", "expired", "pending"}) f.invitation("m-lea", "h", s, now);
      f.invitation("m-lea", "r", "accepted", now, "received");  // not a send
      f.invitation("m-tom", "t", "accepted", now);
      f.invitation("m-self", "s", "pending", now);
      const auto v = f.view();
      CHECK(v["in_team"] == true);
      std::vector<std::string> names;
      for (const auto& m : v["members"]) names.push_back(m["name"].get<std::string>());
      CHECK(names == r.shown);  // most sends first
      CHECK(v["hidden"] == r.hidden);
      CHECK(member_named(v, "Tom") == nullptr);
      const auto* lea = member_named(v, "Léa");
      REQUIRE(lea);
      CHECK((*lea)["self"] == false);
      CHECK((*lea)["sent"] == 5);
      CHECK((*lea)["decided"] == 4);
      CHECK((*lea)["accepted"] == 2);
      CHECK((*lea)["rate"].get<double>() == doctest::Approx(0.5));
      if (const auto* me = member_named(v, "Me")) {
        CHECK((*me)["self"] == true);
        CHECK((*me)["sent"] == 1);
        CHECK((*me)["rate"].is_null());  // nothing decided
      }
    }
  }
}

TEST_CASE("team.view: the team's sends per local day over the last 30 days, every member's") {
  team_fixture f("Europe/Paris", "2026-11-21T12:00:00+01:00");
  f.join();
  f.member("m-lea", "Léa", false);  // private figures still count in the team's volume
  const auto today = domain::local_day_start(f.clock.now());
  const auto first = domain::add_local_days(today, -29);
  struct row {
    const char* what;
    const char* member;
    domain::millis at;
    const char* direction;
    int index;  // in "volume"; -1: not counted
  };
  const row rows[] = {
      {"a send this morning", "m-lea", today + 1, "sent", 29},
      {"the user's own send", "m-self", today + 2, "sent", 29},
      {"a send just before midnight yesterday", "m-lea", today - 1, "sent", 28},
      {"the first of the 30 days (a 25-hour day among them)", "m-lea", first, "sent", 0},
      {"the day before the 30", "m-lea", first - 1, "sent", -1},
      {"a received invitation", "m-lea", today + 3, "received", -1},
  };
  for (const auto& r : rows) f.invitation(r.member, r.what, "pending", r.at, r.direction);
  const auto volume = f.view()["volume"];
  REQUIRE(volume.size() == 30);
  CHECK(volume.front()["day"] == "2026-10-23");
  CHECK(volume.back()["day"] == "2026-11-21");
  std::vector<int> expected(30, 0);
  for (const auto& r : rows)
    if (r.index >= 0) ++expected[static_cast<std::size_t>(r.index)];
  for (std::size_t i = 0; i < 30; ++i) {
    CAPTURE(i);
    CHECK(volume[i]["sent"] == expected[i]);
  }
}

TEST_CASE("team.view: people two members contacted, named as shared, else from the user's own people, else null") {
  team_fixture f;
  f.join();
  f.member("m-lea", "Léa", true);
  f.member("m-tom", "Tom", false);  // private figures, but overlaps are about people
  f.ok({{"type", "profile.seen"},
        {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("karim")}, {"name", "Karim B."}}}});
  const auto karim = domain::team_person_hash(secret, "linkedin", "karim");
  // Named from the user's own people through the hashes the sync keeps (team_people); before that, not at all.
  const auto hash = [](const std::string& network, const std::string& key) {
    return domain::team_person_hash(secret, network, key);
  };
  const auto t = f.clock.now() - 10 * ms_per_day;
  struct row {
    const char* member;
    std::string hash;
    domain::millis at;
    const char* name;
    const char* direction;
  };
  const row rows[] = {
      {"m-lea", "shared", t, "Zoé Martin", "sent"},  {"m-tom", "shared", t + 5, nullptr, "sent"},
      {"m-self", karim, t + 1, nullptr, "sent"},     {"m-lea", karim, t + 9, nullptr, "sent"},
      {"m-lea", "nobody", t + 2, nullptr, "sent"},   {"m-tom", "nobody", t + 3, nullptr, "sent"},
      {"m-lea", "once", t + 20, nullptr, "sent"},    {"m-lea", "once", t + 21, nullptr, "sent"},  // one member twice
      {"m-lea", "recv", t + 30, nullptr, "sent"},    {"m-tom", "recv", t + 31, nullptr, "received"},
  };
  for (const auto& r : rows) f.invitation(r.member, r.hash, "pending", r.at, r.direction, r.name);
  CHECK(f.view()["overlaps"][0]["name"] == nullptr);
  storage::team_repository team(f.db);
  CHECK(team.hash_new_people(hash) == 1);
  CHECK(team.hash_new_people(hash) == 0);  // only the people seen since
  const auto overlaps = f.view()["overlaps"];
  REQUIRE(overlaps.size() == 3);
  CHECK(overlaps[0] == json{{"name", "Karim B."}, {"members", {"Me", "Léa"}}, {"others", 0}, {"last_at", t + 9}});
  CHECK(overlaps[1] == json{{"name", "Zoé Martin"}, {"members", {"Léa", "Tom"}}, {"others", 0}, {"last_at", t + 5}});
  CHECK(overlaps[2] == json{{"name", nullptr}, {"members", {"Léa", "Tom"}}, {"others", 0}, {"last_at", t + 3}});
}

TEST_CASE("team.view: at most 200 overlaps, the most recent") {
  team_fixture f;
  f.join();
  f.member("m-lea", "Léa", true);
  const auto t = f.clock.now() - 20 * ms_per_day;
  for (int i = 0; i < 205; ++i) {
    f.invitation("m-lea", "p" + std::to_string(i), "pending", t + i);
    f.invitation("m-self", "p" + std::to_string(i), "pending", t + i);
  }
  const auto overlaps = f.view()["overlaps"];
  CHECK(overlaps.size() == 200);
  CHECK(overlaps.front()["last_at"] == t + 204);
  CHECK(overlaps.back()["last_at"] == t + 5);
}

TEST_CASE("team.view: a person a whole team contacted lists ten names and counts the others; long names are cut") {
  team_fixture f;
  f.join();
  const std::string long_name(5000, 'x');
  const auto t = f.clock.now() - ms_per_day;
  for (int i = 0; i < 300; ++i) {
    const auto id = "m-" + std::to_string(i);
    f.member(id, long_name, true);
    f.invitation(id, "everyone", "pending", t + i, "sent", long_name.c_str());
  }
  const auto view = f.view();
  const auto overlaps = view["overlaps"];
  REQUIRE(overlaps.size() == 1);
  CHECK(overlaps[0]["members"].size() == 10);
  CHECK(overlaps[0]["others"] == 290);
  CHECK(overlaps[0]["name"].get<std::string>().size() <= 256 + 3);
  CHECK(overlaps[0]["members"][0].get<std::string>().size() <= 256 + 3);
  CHECK(view["members"][0]["name"].get<std::string>().size() <= 256 + 3);
  CHECK(view.dump().size() < 1024 * 1024);
}
