// Schema v5 on top of a v4 database that already holds data.
#include <doctest/doctest.h>

#include <string>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

using namespace vigie::storage;

namespace {

std::int64_t scalar(database& db, const std::string& sql) {
  auto& st = db.prepare(sql);
  std::int64_t v = -1;
  if (st.step()) v = st.column_int(0);
  st.reset();
  return v;
}

std::string plan(database& db, const std::string& sql) {
  auto& st = db.prepare("EXPLAIN QUERY PLAN " + sql);
  std::string detail;
  while (st.step()) detail += st.column_text(3) + "\n";
  st.reset();
  return detail;
}

}  // namespace

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
  migrate(db);
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
  // Triggers still keep the counters.
  db.exec("INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at) "
          "VALUES(2, 'viadeo', 'sent', 'pending', 30, 30)");
  CHECK(scalar(db, "SELECT n FROM invitation_counts WHERE network = 'viadeo' AND direction = 'sent' "
                   "AND status = 'pending'") == 2);
}
