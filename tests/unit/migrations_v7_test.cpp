// Schema v7: the wording of marked notes, forgotten with the person.
#include <doctest/doctest.h>

#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/people_repository.hpp"
#include "storage/verdict_words_repository.hpp"
#include "sql_probe.hpp"

using namespace vigie;
using namespace vigie::storage;
using vigie::test::scalar;

TEST_CASE("migrating a v6 database with people to v7 adds an empty verdict_words table") {
  database db(":memory:");
  migrate(db, 6);
  db.exec("INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at) "
          "VALUES(1, 'linkedin', 'anne', 'https://www.linkedin.com/in/anne/', 10, 20)");
  migrate(db);
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
