// Schema v5 on top of a v4 database that already holds data.
#include <doctest/doctest.h>

#include <string>

#include "storage/database.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"
#include "storage/migrations.hpp"
#include "sql_probe.hpp"

using namespace vigie::storage;
using vigie::test::plan;
using vigie::test::scalar;

TEST_CASE("migrating a v4 database with data to v5 keeps every row and drops only the unused indexes") {
  database db(":memory:");
  migrate(db, 4);
  db.exec(R"(
    INSERT INTO people(id, network, profile_key, profile_url, name, first_seen_at, last_seen_at)
      VALUES(1, 'linkedin', 'anne', 'https://www.linkedin.com/in/anne/', 'Anne', 10, 20),
            (2, 'viadeo', 'bob', 'https://www.viadeo.com/p/bob', 'Bob', 10, 20);
    INSERT INTO snapshots(person_id, seen_at, source, name) VALUES(1, 10, 'profile', 'Anne');
    INSERT INTO invitations(person_id, network, direction, status, note, created_at, decided_at, updated_at)
      VALUES(1, 'linkedin', 'sent', 'accepted', 'Bonjour', 15, 16, 16),
            (1, 'linkedin', 'received', 'pending', '', 17, NULL, 17),
            (2, 'viadeo', 'sent', 'pending', '', 18, NULL, 18);
  )");
  REQUIRE(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'invitations_created'") == 1);
  migrate(db, 5);
  CHECK(db.user_version() == 5);
  CHECK(scalar(db, "SELECT count(*) FROM people") == 2);
  CHECK(scalar(db, "SELECT count(*) FROM snapshots") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM invitations") == 3);
  CHECK(scalar(db, "SELECT n FROM invitation_counts WHERE network = 'linkedin' AND direction = 'sent' "
                   "AND status = 'accepted'") == 1);
  CHECK(scalar(db, "PRAGMA integrity_check") == 0);  // "ok" reads as 0
  CHECK(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('invitations_created', "
                   "'invitations_decided')") == 0);
  for (const char* kept : {"invitations_status", "invitations_person", "invitations_time", "invitations_net_created",
                           "invitations_net_status", "invitations_net_decided", "invitations_net_notes"}) {
    CAPTURE(kept);
    CHECK(scalar(db, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '") + kept +
                         "'") == 1);
  }
  // The queries the dropped indexes could have served still have an index.
  CHECK(plan(db, "SELECT count(*) FROM invitations WHERE direction = 'sent'").find("invitations_status") !=
        std::string::npos);
  CHECK(plan(db, "SELECT id FROM invitations WHERE person_id = 1 AND direction = 'sent' AND created_at = 15")
            .find("invitations_person") != std::string::npos);
  // The counters are no longer kept by triggers: the repository keeps them.
  CHECK(scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == 0);
  CHECK(scalar(db, "SELECT n FROM invitation_counts WHERE network = 'viadeo' AND direction = 'sent' "
                   "AND status = 'pending'") == 1);
}

TEST_CASE("from v5 the invitations repository keeps the counters equal to the rows") {
  database db(":memory:");
  migrate(db);
  db.exec(R"(
    INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at)
      VALUES(1, 'linkedin', 'anne', 'u1', 1, 1), (2, 'linkedin', 'bob', 'u2', 1, 1), (3, 'viadeo', 'cy', 'u3', 1, 1);
  )");
  auto counters_match = [&] {
    return scalar(db,
                  "SELECT count(*) FROM (SELECT network, direction, status, count(*) AS n FROM invitations "
                  "GROUP BY 1, 2, 3) AS real FULL JOIN (SELECT * FROM invitation_counts WHERE n <> 0) AS c "
                  "USING (network, direction, status) WHERE real.n IS NOT c.n") == 0;
  };
  invitations_repository inv(db);
  auto add = [&](std::int64_t person, const char* network, const char* direction, const char* status,
                 millis created) {
    invitation_row r;
    r.person_id = person;
    r.network = network;
    r.direction = direction;
    r.status = status;
    r.created_at = created;
    if (std::string(status) != "pending") r.decided_at = created + 1;
    return inv.insert(r);
  };
  const auto a1 = add(1, "linkedin", "sent", "pending", 10);
  add(1, "linkedin", "received", "pending", 11);
  add(2, "linkedin", "sent", "pending", 12);
  add(2, "linkedin", "sent", "accepted", 5);
  add(3, "viadeo", "sent", "pending", 13);
  CHECK(counters_match());
  CHECK(inv.count_status("linkedin", "sent", "pending") == 2);
  inv.decide(a1, "withdrawn", 20);
  CHECK(counters_match());
  inv.decide(a1, "withdrawn", 21);  // same status again: no change
  CHECK(counters_match());
  CHECK(inv.decide_pending(2, "sent", "accepted", 30) == 1);
  CHECK(inv.decide_pending(2, "sent", "accepted", 31) == 0);
  CHECK(counters_match());
  CHECK(inv.count_status("linkedin", "sent", "accepted") == 2);
  CHECK(people_repository(db).forget(1) >= 3);
  CHECK(counters_match());
  CHECK(inv.purge_decided_before(1000) == 2);
  CHECK(counters_match());
  CHECK(inv.count_status("viadeo", "sent", "pending") == 1);
  CHECK(inv.count_status("linkedin", "sent", "pending") == 0);
}
