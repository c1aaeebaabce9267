// Schema migrations: every version reached from the one before, with data.
#include <doctest/doctest.h>

#include "common/error.hpp"
#include "storage/migrations.hpp"

using namespace vigie;
using namespace vigie::storage;

namespace {

bool has_column(database& db, const std::string& table, const std::string& column) {
  auto& st = db.prepare("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
  st.bind(1, table).bind(2, column);
  st.step();
  return st.column_int(0) == 1;
}

}  // namespace

TEST_CASE("a new database is migrated to the latest version") {
  database db(":memory:");
  CHECK(db.user_version() == 0);
  migrate(db);
  CHECK(db.user_version() == latest_schema_version());
}

TEST_CASE("migrations are numbered 1..N without gaps") {
  int expected = 1;
  for (const auto& m : migrations()) CHECK(m.version == expected++);
}

TEST_CASE("migrating twice is a no-op") {
  database db(":memory:");
  migrate(db);
  CHECK_NOTHROW(migrate(db));
  CHECK(db.user_version() == latest_schema_version());
}

TEST_CASE("each migration runs from the version before it and keeps the data") {
  for (const auto& m : migrations()) {
    if (m.version == 1) continue;
    CAPTURE(m.version);
    database db(":memory:");
    migrate(db, m.version - 1);
    REQUIRE(db.user_version() == m.version - 1);
    // Data written by the older schema.
    db.exec("INSERT INTO people(id, network, profile_key, profile_url, name, first_seen_at, last_seen_at) "
            "VALUES(1, 'linkedin', 'jane-doe', 'https://www.linkedin.com/in/jane-doe/', 'Jane', 1, 2)");
    db.exec("INSERT INTO invitations(person_id, network, direction, status, note, created_at, updated_at) "
            "VALUES(1, 'linkedin', 'sent', 'pending', 'Bonjour', 10, 10)");
    migrate(db, m.version);
    CHECK(db.user_version() == m.version);
    auto& st = db.prepare("SELECT p.name, i.note FROM people p JOIN invitations i ON i.person_id = p.id");
    REQUIRE(st.step());
    CHECK(st.column_text(0) == "Jane");
    CHECK(st.column_text(1) == "Bonjour");
  }
}

TEST_CASE("v2 adds the assessment and verdict columns") {
  database db(":memory:");
  migrate(db, 1);
  CHECK_FALSE(has_column(db, "people", "assessment_level"));
  migrate(db, 2);
  CHECK(has_column(db, "people", "assessment_level"));
  CHECK(has_column(db, "people", "user_verdict"));
}

TEST_CASE("a database from a newer Vigie is refused, not rewritten") {
  database db(":memory:");
  migrate(db);
  db.set_user_version(latest_schema_version() + 1);
  CHECK_THROWS_AS(migrate(db), error);
  CHECK(db.user_version() == latest_schema_version() + 1);
}

TEST_CASE("deleting a person removes their snapshots and invitations") {
  database db(":memory:");
  migrate(db);
  db.exec("INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at) "
          "VALUES(1, 'linkedin', 'a', 'u', 1, 1)");
  db.exec("INSERT INTO snapshots(person_id, seen_at, source) VALUES(1, 1, 'extension')");
  db.exec("INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at) "
          "VALUES(1, 'linkedin', 'sent', 'pending', 1, 1)");
  db.exec("DELETE FROM people WHERE id = 1");
  auto& st = db.prepare("SELECT (SELECT count(*) FROM snapshots) + (SELECT count(*) FROM invitations)");
  st.step();
  CHECK(st.column_int(0) == 0);
}
