// storage/team_repository: the outbox the ledger's triggers fill inside a
// team, in the same transaction as the write, and the local copy of the
// team's data the check reads.
#include <doctest/doctest.h>

#include "domain/profile_key.hpp"
#include "sql_probe.hpp"
#include "storage/database.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/people_repository.hpp"
#include "storage/team_repository.hpp"

using namespace vigie;
using namespace vigie::storage;
using vigie::test::scalar;

namespace {

struct team_fixture {
  team_fixture() { migrate(db); }
  database db{":memory:"};
  team_repository team{db};
  people_repository people{db};
  invitations_repository invitations{db};

  std::int64_t person(const std::string& slug) {
    domain::profile p;
    p.network = "linkedin";
    p.profile_url = "https://www.linkedin.com/in/" + slug + "/";
    p.name = "Name of " + slug;
    return people.upsert(domain::canonical_profile_key("linkedin", p.profile_url), p, 1000).id;
  }
  std::int64_t sent(std::int64_t person_id, domain::millis at) {
    invitation_row r;
    r.person_id = person_id;
    r.network = "linkedin";
    r.direction = "sent";
    r.note = "Bonjour";
    r.created_at = at;
    return invitations.insert(r);
  }
  void join() {
    team_membership_row m;
    m.conninfo = "host=/tmp dbname=team";
    m.member_id = "m-self";
    m.display_name = "Me";
    m.secret = std::string(64, 'a');
    m.joined_at = 5000;
    team.join(m);
  }
};

}  // namespace

TEST_CASE("joining queues what the ledger already holds; later writes queue themselves") {
  team_fixture f;
  const auto ana = f.person("ana");
  const auto first = f.sent(ana, 1000);
  f.db.exec("UPDATE people SET user_verdict = 'fake', verdict_at = 1500");
  CHECK(f.team.outbox_size() == 0);  // not in a team yet
  f.join();
  CHECK(f.team.outbox_size() == 2);
  const auto bob = f.person("bob");
  const auto second = f.sent(bob, 2000);
  f.db.exec("UPDATE invitations SET status = 'accepted', decided_at = 3000 WHERE id = " + std::to_string(first));
  const auto queued = f.team.outbox(100);
  REQUIRE(queued.size() == 4);
  CHECK(queued[0].kind == "invitation");
  CHECK(queued[0].ref == first);
  CHECK(queued[1].kind == "verdict");
  CHECK(queued[1].ref == ana);
  CHECK(queued[2].ref == second);
  CHECK(queued[3].ref == first);
  const auto shared = f.team.shareable_invitation_of(first);
  REQUIRE(shared);
  CHECK(shared->profile_key == "ana");
  CHECK(shared->status == "accepted");
  CHECK(*shared->decided_at == 3000);
  const auto verdict = f.team.shareable_verdict_of(ana);
  REQUIRE(verdict);
  CHECK(verdict->verdict == "fake");
  CHECK(verdict->at == 1500);
}

TEST_CASE("forgetting a person queues their invitations and verdict as erased, with nothing about them") {
  team_fixture f;
  f.join();
  const auto ana = f.person("ana");
  const auto inv = f.sent(ana, 1000);
  f.db.exec("UPDATE people SET user_verdict = 'fake'");
  f.team.drop_outbox(1'000'000);
  f.people.forget(ana);
  const auto queued = f.team.outbox(100);
  REQUIRE(queued.size() == 2);
  CHECK(queued[0].ref == inv);
  CHECK_FALSE(f.team.shareable_invitation_of(inv));
  CHECK(queued[1].kind == "verdict");
  CHECK_FALSE(f.team.shareable_verdict_of(ana));
}

TEST_CASE("a write rolled back leaves nothing in the outbox") {
  team_fixture f;
  f.join();
  const auto ana = f.person("ana");
  {
    transaction tx(f.db);
    f.sent(ana, 1000);
  }  // not committed
  CHECK(f.team.outbox_size() == 0);
  CHECK(scalar(f.db, "SELECT count(*) FROM invitations") == 0);
}

TEST_CASE("the facts about a person are teammates' only, and a member who left takes theirs away") {
  team_fixture f;
  f.join();
  f.team.apply(team_member_row{"m-self", "Me", true, false});
  f.team.apply(team_member_row{"m-lea", "Léa", true, false});
  f.team.apply(team_member_row{"m-tom", "Tom", true, false});
  const std::string h(64, '1');
  auto row = [&](std::string member, std::int64_t id, std::string status, domain::millis at,
                 std::optional<domain::millis> decided) {
    team_invitation_row r;
    r.member_id = std::move(member);
    r.local_id = id;
    r.key_hash = h;
    r.network = "linkedin";
    r.direction = "sent";
    r.status = std::move(status);
    r.created_at = at;
    r.decided_at = decided;
    return r;
  };
  f.team.apply(row("m-self", 1, "pending", 100, std::nullopt));
  CHECK_FALSE(f.team.facts(h, "m-self").pending);  // the user's own invitation is the ledger's business
  f.team.apply(row("m-lea", 1, "pending", 300, std::nullopt));
  f.team.apply(row("m-tom", 7, "pending", 200, std::nullopt));
  f.team.apply(row("m-tom", 8, "withdrawn", 50, 250));
  f.team.apply(team_verdict_row{"m-lea", 3, false, h, "fake", 400});
  auto facts = f.team.facts(h, "m-self");
  REQUIRE(facts.pending);
  CHECK(facts.pending->member == "Tom");  // the oldest pending
  CHECK(facts.pending->at == 200);
  REQUIRE(facts.withdrawn);
  CHECK(facts.withdrawn->at == 250);
  REQUIRE(facts.fake);
  CHECK(facts.fake->member == "Léa");
  CHECK_FALSE(facts.connected);
  CHECK_FALSE(f.team.facts(std::string(64, '2'), "m-self").pending);

  f.team.apply(team_invitation_row{"m-tom", 7, true, "", "", "", "", 0, std::nullopt, std::nullopt});  // erased
  CHECK(f.team.facts(h, "m-self").pending->member == "Léa");
  f.team.apply(team_member_row{"m-lea", "", false, true});  // left the team
  facts = f.team.facts(h, "m-self");
  CHECK_FALSE(facts.pending);
  CHECK_FALSE(facts.fake);
  CHECK(scalar(f.db, "SELECT count(*) FROM team_invitations WHERE member_id = 'm-lea'") == 0);
}

TEST_CASE("leaving empties the membership, the outbox and the team's copy") {
  team_fixture f;
  f.join();
  f.sent(f.person("ana"), 1000);
  f.team.apply(team_member_row{"m-lea", "Léa", true, false});
  f.team.put_setting("share.names", "on");
  f.team.leave();
  CHECK_FALSE(f.team.membership());
  for (const char* table : {"team_outbox", "team_members", "team_invitations", "team_verdicts", "team_settings"})
    CHECK(scalar(f.db, std::string("SELECT count(*) FROM ") + table) == 0);
  f.sent(f.person("bob"), 2000);
  CHECK(f.team.outbox_size() == 0);
}

TEST_CASE("a person renamed queues their invitations (a team sharing names sends the new one)") {
  team_fixture f;
  f.join();
  const auto ana = f.person("ana");
  const auto inv = f.sent(ana, 1000);
  f.team.drop_outbox(1'000'000);
  f.db.exec("UPDATE people SET name = name WHERE id = " + std::to_string(ana));
  CHECK(f.team.outbox_size() == 0);  // the same name: nothing
  f.db.exec("UPDATE people SET name = 'Ana L.' WHERE id = " + std::to_string(ana));
  const auto queued = f.team.outbox(10);
  REQUIRE(queued.size() == 1);
  CHECK(queued[0].ref == inv);
}

TEST_CASE("reset_copy empties the team's data and rewinds the cursors; requeue_all queues the ledger again") {
  team_fixture f;
  f.join();
  f.sent(f.person("ana"), 1000);
  f.team.drop_outbox(1'000'000);
  f.team.apply(team_member_row{"m-lea", "Léa", true, false});
  f.team.set_cursors(10, 20, 30);
  f.team.reset_copy();
  CHECK(scalar(f.db, "SELECT count(*) FROM team_members") == 0);
  const auto m = f.team.membership();
  REQUIRE(m);
  CHECK(m->invitations_cursor == 0);
  CHECK(m->members_cursor == 0);
  f.team.requeue_all();
  CHECK(f.team.outbox_size() == 1);
}

TEST_CASE("the people's team hashes: each person once, new ones only, gone with the person and with leaving") {
  team_fixture f;
  f.join();
  const auto ana = f.person("ana");
  f.person("bob");
  const auto hash = [](const std::string& network, const std::string& key) { return network + "/" + key; };
  CHECK(f.team.hash_new_people(hash) == 2);
  CHECK(f.team.hash_new_people(hash) == 0);
  f.person("cleo");
  CHECK(f.team.hash_new_people(hash) == 1);
  CHECK(scalar(f.db, "SELECT count(*) FROM team_people WHERE key_hash = 'linkedin/cleo'") == 1);
  f.people.forget(ana);
  CHECK(scalar(f.db, "SELECT count(*) FROM team_people") == 2);
  f.team.leave();
  CHECK(scalar(f.db, "SELECT count(*) FROM team_people") == 0);
}
