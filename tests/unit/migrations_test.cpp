// storage/migrations: the schema from nothing, and each version's migration from the one before it,
// with data (one section per version; each in its own namespace so that their helpers keep their names).

#include <doctest/doctest.h>
#include <string>

#include "common/error.hpp"
#include "sql_probe.hpp"
#include "domain/profile_key.hpp"
#include "domain/text_fold.hpp"
#include "storage/database.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/people_repository.hpp"
#include "storage/verdict_words_repository.hpp"

// ----------------------------------------------------------------------------------------------------
// Schema migrations: every version reached from the one before, with data.
namespace migrations_schema {

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

}  // namespace migrations_schema

// ----------------------------------------------------------------------------------------------------
// Schema v3 on top of a v2 database that already holds data.
namespace migrations_v3 {

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

}  // namespace migrations_v3

// ----------------------------------------------------------------------------------------------------
// Schema v5 on top of a v4 database that already holds data.
namespace migrations_v5 {

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

}  // namespace migrations_v5

// ----------------------------------------------------------------------------------------------------
// Schema v6: the invitations table rebuilt on top of a v5 database with data.
namespace migrations_v6 {

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

}  // namespace migrations_v6

// ----------------------------------------------------------------------------------------------------
// Schema v7: the wording of marked notes, forgotten with the person.
namespace migrations_v7 {

using namespace vigie;
using namespace vigie::storage;
using vigie::test::scalar;

TEST_CASE("migrating a v6 database with people to v7 adds an empty verdict_words table") {
  database db(":memory:");
  migrate(db, 6);
  db.exec("INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at) "
          "VALUES(1, 'linkedin', 'anne', 'https://www.linkedin.com/in/anne/', 10, 20)");
  migrate(db, 7);
  CHECK(db.user_version() == 7);
  CHECK(scalar(db, "SELECT count(*) FROM people") == 1);
  CHECK(verdict_words_repository(db).empty());
}

TEST_CASE("verdict words count per verdict and leave with the person") {
  database db(":memory:");
  migrate(db);
  db.exec("INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at) "
          "VALUES(1, 'linkedin', 'a', 'https://www.linkedin.com/in/a/', 1, 1), "
          "(2, 'linkedin', 'b', 'https://www.linkedin.com/in/b/', 1, 1), "
          "(3, 'linkedin', 'c', 'https://www.linkedin.com/in/c/', 1, 1)");
  verdict_words_repository words(db);
  words.replace(1, true, {"b:add me", "w:add"});
  words.replace(2, true, {"b:add me"});
  words.replace(3, false, {"b:add me", "b:add me"});
  auto c = words.counts({"b:add me", "w:add", "w:never"});
  CHECK(c.counts.size() == 2);
  CHECK(c.counts["b:add me"] == std::pair{2, 1});
  CHECK(c.counts["w:add"] == std::pair{1, 0});
  SUBCASE("a verdict taken back takes its words") {
    words.replace(2, std::nullopt, {"b:add me"});
    CHECK(words.counts({"b:add me"}).counts["b:add me"] == std::pair{1, 1});
  }
  SUBCASE("a forgotten person takes their words") {
    people_repository(db).forget(1);
    CHECK(words.counts({"w:add"}).counts.empty());
  }
  SUBCASE("so does a person deleted by a purge") {
    db.exec("DELETE FROM people WHERE id = 3");
    CHECK(words.counts({"b:add me"}).counts["b:add me"] == std::pair{2, 0});
  }
}

}  // namespace migrations_v7

// ----------------------------------------------------------------------------------------------------
// Schema v8: the texts the invitations list searches, folded when written.
namespace migrations_v8 {

using namespace vigie;
using namespace vigie::storage;
using vigie::test::scalar;

std::string text_of(database& db, const std::string& sql) {
  auto& st = db.prepare(sql);
  REQUIRE(st.step());
  auto out = st.column_text(0);
  st.reset();
  return out;
}

TEST_CASE("migrating a v7 ledger to v8 folds the stored names, headlines, titles, keys and notes as writes do") {
  database db(":memory:");
  migrate(db, 7);
  db.exec("INSERT INTO people(id, network, profile_key, profile_url, name, headline, current_title, first_seen_at, last_seen_at) "
          "VALUES(1, 'linkedin', 'elodie-muller', 'https://www.linkedin.com/in/elodie-muller/', 'Élodie MÜLLER', "
          "'Œnologue à Lyon', 'Chef de cave', 10, 20), "
          "(2, 'linkedin', 'anon', 'https://www.linkedin.com/in/anon/', NULL, NULL, NULL, 10, 20)");
  db.exec("INSERT INTO invitations(person_id, network, direction, status, note, source, created_at, updated_at) "
          "VALUES(1, 'linkedin', 'sent', 'pending', 'Salut Éric, ça va ?', 'extension', 100, 100), "
          "(2, 'linkedin', 'received', 'pending', '', 'extension', 200, 200)");
  migrate(db, 8);
  CHECK(db.user_version() == 8);
  domain::profile elodie;
  elodie.name = "Élodie MÜLLER";
  elodie.headline = "Œnologue à Lyon";
  elodie.current_title = "Chef de cave";
  const auto folded = text_of(db, "SELECT search_text FROM people WHERE id = 1");
  CHECK(folded == people_search_text(elodie, "elodie-muller"));  // the migration and the writes agree
  CHECK(folded == "elodie muller\noenologue a lyon\nchef de cave\nelodie-muller");
  CHECK(text_of(db, "SELECT search_text FROM people WHERE id = 2") == "\n\n\nanon");
  CHECK(text_of(db, "SELECT note_folded FROM invitations WHERE person_id = 1") == domain::fold("Salut Éric, ça va ?"));
  CHECK(text_of(db, "SELECT note_folded FROM invitations WHERE person_id = 2").empty());
}

TEST_CASE("written rows carry their folded texts, refreshed when the person changes") {
  database db(":memory:");
  migrate(db);
  people_repository people(db);
  const auto key = domain::canonical_profile_key("linkedin", "https://www.linkedin.com/in/zoe-k/");
  domain::profile p;
  p.network = "linkedin";
  p.profile_url = "https://www.linkedin.com/in/zoe-k/";
  p.name = "Zoé K.";
  const auto id = people.upsert(key, p, 1000).id;
  CHECK(text_of(db, "SELECT search_text FROM people WHERE id = " + std::to_string(id)) == "zoe k.\n\n\nzoe-k");
  p.headline = "Ingénieure";
  people.upsert(key, p, 2000);
  CHECK(text_of(db, "SELECT search_text FROM people WHERE id = " + std::to_string(id)) == "zoe k.\ningenieure\n\nzoe-k");
  invitation_row r;
  r.person_id = id;
  r.network = "linkedin";
  r.direction = "sent";
  r.note = "Ravi de vous RENCONTRER";
  r.created_at = 3000;
  invitations_repository(db).insert(r);
  CHECK(text_of(db, "SELECT note_folded FROM invitations") == "ravi de vous rencontrer");
}

}  // namespace migrations_v8

// ----------------------------------------------------------------------------------------------------
// Schema v9: teams. The outbox triggers fire only inside a team.
namespace migrations_v9 {

using namespace vigie;
using namespace vigie::storage;
using vigie::test::scalar;

TEST_CASE("migrating a v8 ledger to v9 keeps it out of any team: writes queue nothing") {
  database db(":memory:");
  migrate(db, 8);
  db.exec("INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at) "
          "VALUES(1, 'linkedin', 'a', 'https://www.linkedin.com/in/a/', 10, 20)");
  db.exec("INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at) "
          "VALUES(1, 'linkedin', 'sent', 'pending', 100, 100)");
  migrate(db);
  CHECK(db.user_version() == 9);
  db.exec("INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at) "
          "VALUES(1, 'linkedin', 'sent', 'pending', 200, 200)");
  db.exec("UPDATE invitations SET status = 'accepted', decided_at = 300");
  db.exec("UPDATE people SET user_verdict = 'fake'");
  db.exec("DELETE FROM people");
  CHECK(scalar(db, "SELECT count(*) FROM team_outbox") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM team_membership") == 0);
}

}  // namespace migrations_v9
