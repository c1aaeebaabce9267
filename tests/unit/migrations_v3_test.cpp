// Schema v3 on top of a v2 database that already holds data.
#include <doctest/doctest.h>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

using namespace vigie::storage;

TEST_CASE("migrating a v2 database with data to v3 keeps every row and defaults the new columns") {
  database db(":memory:");
  migrate(db, 2);
  db.exec(R"(
    INSERT INTO people(id, network, profile_key, profile_url, name, first_seen_at, last_seen_at, assessment_level)
      VALUES(1, 'linkedin', 'anne', 'https://www.linkedin.com/in/anne/', 'Anne', 10, 20, 'low');
    INSERT INTO invitations(person_id, network, direction, status, note, created_at, updated_at)
      VALUES(1, 'linkedin', 'sent', 'pending', 'Bonjour', 15, 15);
    INSERT INTO drift_reports(at, page_kind, url) VALUES(5, 'profile', 'https://www.linkedin.com/in/anne/');
  )");
  migrate(db);
  CHECK(db.user_version() == 3);
  auto& st = db.prepare(
      "SELECT p.name, p.assessment_level, p.last_withdrawn_at IS NULL, i.note, i.time_known "
      "FROM people p JOIN invitations i ON i.person_id = p.id");
  REQUIRE(st.step());
  CHECK(st.column_text(0) == "Anne");
  CHECK(st.column_text(1) == "low");
  CHECK(st.column_int(2) == 1);
  CHECK(st.column_text(3) == "Bonjour");
  CHECK(st.column_int(4) == 1);
  st.reset();
  auto& plan = db.prepare(
      "EXPLAIN QUERY PLAN SELECT count(*) FROM invitations WHERE network = 'linkedin' AND direction = 'sent' "
      "AND status = 'pending'");
  std::string detail;
  while (plan.step()) detail += plan.column_text(3);
  plan.reset();
  CHECK(detail.find("COVERING INDEX invitations_net_status") != std::string::npos);
}
