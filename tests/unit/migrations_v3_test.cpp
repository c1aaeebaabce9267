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
  CHECK(db.user_version() == latest_schema_version());
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

// From v5 on the repository keeps the counters (tests/unit/migrations_v5_test.cpp).
TEST_CASE("v4 invitation counters start from existing rows and follow inserts, updates and deletes") {
  database db(":memory:");
  migrate(db, 3);
  db.exec(R"(
    INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at)
      VALUES(1, 'linkedin', 'anne', 'u', 1, 1);
    INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at)
      VALUES(1, 'linkedin', 'sent', 'pending', 1, 1), (1, 'linkedin', 'sent', 'pending', 2, 2);
  )");
  migrate(db, 4);
  auto counters_match = [&] {
    auto& st = db.prepare(
        "SELECT count(*) FROM (SELECT network, direction, status, count(*) AS n FROM invitations "
        "GROUP BY 1, 2, 3) AS real FULL JOIN (SELECT * FROM invitation_counts WHERE n > 0) AS c "
        "USING (network, direction, status) WHERE real.n IS NOT c.n");
    st.step();
    const auto mismatches = st.column_int(0);
    st.reset();
    return mismatches == 0;
  };
  auto pending = [&] {
    auto& st = db.prepare("SELECT coalesce(sum(n), 0) FROM invitation_counts WHERE status = 'pending'");
    st.step();
    const auto n = st.column_int(0);
    st.reset();
    return n;
  };
  CHECK(pending() == 2);
  CHECK(counters_match());
  db.exec("UPDATE invitations SET status = 'accepted' WHERE created_at = 1");
  CHECK(pending() == 1);
  CHECK(counters_match());
  db.exec("INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at) "
          "VALUES(1, 'viadeo', 'received', 'pending', 3, 3)");
  db.exec("DELETE FROM people WHERE id = 1");  // cascades to the invitations
  CHECK(pending() == 0);
  CHECK(counters_match());
}
