// Schema v6: the invitations table rebuilt on top of a v5 database with data.
#include <doctest/doctest.h>

#include <string>

#include "common/error.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "sql_probe.hpp"

using namespace vigie;
using namespace vigie::storage;
using vigie::test::plan;
using vigie::test::scalar;

namespace {

std::string text(database& db, const std::string& sql) {
  auto& st = db.prepare(sql);
  std::string v;
  while (st.step()) v += st.column_text(0) + "|";
  st.reset();
  return v;
}

void fill_v5(database& db) {
  migrate(db, 5);
  db.exec(R"(
    INSERT INTO people(id, network, profile_key, profile_url, name, first_seen_at, last_seen_at, assessment_level)
      VALUES(1, 'linkedin', 'anne', 'https://www.linkedin.com/in/anne/', 'Anne', 10, 20, 'high'),
            (2, 'viadeo', 'bob', 'https://www.viadeo.com/p/bob', 'Bob', 10, 20, NULL);
    INSERT INTO invitations(id, person_id, network, direction, status, note, source, created_at, decided_at,
                            updated_at, time_known)
      VALUES(7, 1, 'linkedin', 'sent', 'accepted', 'Bonjour', 'extension', 15, 16, 16, 1),
            (9, 1, 'linkedin', 'received', 'ignored', '', 'import', 17, 18, 18, 1),
            (12, 2, 'viadeo', 'sent', 'pending', '', 'cli', 19, NULL, 19, 0);
    INSERT INTO invitation_counts VALUES('linkedin', 'sent', 'accepted', 1), ('linkedin', 'received', 'ignored', 1),
                                        ('viadeo', 'sent', 'pending', 1);
  )");
}

}  // namespace

TEST_CASE("migrating a v5 database to v6 keeps every invitation with its id and every column") {
  database db(":memory:");
  fill_v5(db);
  const std::string columns =
      "SELECT id || ',' || person_id || ',' || network || ',' || direction || ',' || status || ',' || note || ',' || "
      "source || ',' || created_at || ',' || coalesce(decided_at, '-') || ',' || updated_at || ',' || time_known "
      "FROM invitations ORDER BY id";
  const auto before = text(db, columns);
  migrate(db, 6);
  CHECK(db.user_version() == 6);
  CHECK(text(db, columns) == before);
  CHECK(scalar(db, "SELECT count(*) FROM invitation_counts") == 3);
  CHECK(scalar(db, "PRAGMA integrity_check") == 0);  // "ok" reads as 0
  CHECK(scalar(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  // A new row continues after the highest id, as before the rebuild.
  db.exec("INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at) "
          "VALUES(2, 'viadeo', 'received', 'pending', 30, 30)");
  CHECK(scalar(db, "SELECT max(id) FROM invitations") == 13);
}

TEST_CASE("after v6 the constraints still refuse what v1 refused") {
  database db(":memory:");
  fill_v5(db);
  migrate(db);
  struct row {
    const char* what;
    const char* values;
  };
  for (const auto& r : {row{"unknown status", "1, 'linkedin', 'sent', 'maybe', 'extension'"},
                        row{"unknown direction", "1, 'linkedin', 'both', 'pending', 'extension'"},
                        row{"unknown source", "1, 'linkedin', 'sent', 'pending', 'robot'"},
                        row{"missing person", "99, 'linkedin', 'sent', 'pending', 'extension'"}}) {
    CAPTURE(r.what);
    CHECK_THROWS_AS(db.exec(std::string("INSERT INTO invitations(person_id, network, direction, status, source, "
                                        "created_at, updated_at) VALUES(") + r.values + ", 1, 1)"),
                    error);
  }
  for (const char* status : {"pending", "accepted", "withdrawn", "expired", "ignored"}) {
    CAPTURE(status);
    CHECK_NOTHROW(db.exec(std::string("INSERT INTO invitations(person_id, network, direction, status, created_at, "
                                      "updated_at) VALUES(1, 'linkedin', 'sent', '") + status + "', 40, 40)"));
  }
  // Forgetting a person still removes their invitations (ON DELETE CASCADE).
  db.exec("DELETE FROM people WHERE id = 1");
  CHECK(scalar(db, "SELECT count(*) FROM invitations WHERE person_id = 1") == 0);
}

TEST_CASE("after v6 the ledger queries keep their indexes, the decided and level ones partial") {
  database db(":memory:");
  fill_v5(db);
  migrate(db);
  CHECK(plan(db, "SELECT count(*) FROM invitations WHERE network = 'linkedin' AND direction = 'sent' AND "
                 "decided_at >= 0 AND decided_at IS NOT NULL AND status IN ('accepted', 'withdrawn', 'expired')")
            .find("invitations_net_decided") != std::string::npos);
  CHECK(plan(db, "SELECT id FROM invitations WHERE person_id = 1 AND direction = 'sent' AND created_at = 15")
            .find("invitations_person") != std::string::npos);
  CHECK(plan(db, "SELECT count(*) FROM invitations WHERE network = 'linkedin' AND direction = 'sent' AND "
                 "created_at >= 0 AND time_known")
            .find("invitations_net_created") != std::string::npos);
  CHECK(plan(db, "SELECT id FROM people WHERE assessment_level IN ('medium', 'high') AND last_seen_at >= 0 "
                 "AND network = 'linkedin' ORDER BY last_seen_at DESC")
            .find("people_level") != std::string::npos);
  // A pending invitation and an unassessed person write no entry in the partial indexes.
  CHECK(scalar(db, "SELECT count(*) FROM invitations INDEXED BY invitations_net_decided WHERE decided_at IS NOT NULL") ==
        2);
  CHECK(scalar(db, "SELECT count(*) FROM people INDEXED BY people_level WHERE assessment_level IS NOT NULL") == 1);
}
