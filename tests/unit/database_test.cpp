// RAII SQLite: statements, transactions, savepoints, pragmas.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "common/error.hpp"
#include "storage/database.hpp"

using namespace vigie;
using namespace vigie::storage;

namespace {

std::filesystem::path temp_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("vigie-storage-" + std::to_string(::getpid()) + "-" +
                                                      std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::int64_t count(database& db, const std::string& table) {
  auto& st = db.prepare("SELECT count(*) FROM " + table);
  st.step();
  return st.column_int(0);
}

}  // namespace

TEST_CASE("a file database opens in WAL mode with foreign keys on") {
  const auto dir = temp_dir();
  database db((dir / "v.db").string());
  auto& mode = db.prepare("PRAGMA journal_mode");
  mode.step();
  CHECK(mode.column_text(0) == "wal");
  auto& fk = db.prepare("PRAGMA foreign_keys");
  fk.step();
  CHECK(fk.column_int(0) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a transaction that is not committed rolls back") {
  database db(":memory:");
  db.exec("CREATE TABLE t(v INTEGER)");
  {
    transaction tx(db);
    db.prepare("INSERT INTO t VALUES(?)").bind(1, 1).run();
  }
  CHECK(count(db, "t") == 0);
  {
    transaction tx(db);
    db.prepare("INSERT INTO t VALUES(?)").bind(1, 2).run();
    tx.commit();
  }
  CHECK(count(db, "t") == 1);
}

TEST_CASE("a savepoint rolls back its own writes only") {
  database db(":memory:");
  db.exec("CREATE TABLE t(v INTEGER)");
  transaction tx(db);
  db.prepare("INSERT INTO t VALUES(1)").run();
  {
    savepoint sp(db);
    db.prepare("INSERT INTO t VALUES(2)").run();
  }
  {
    savepoint sp(db);
    db.prepare("INSERT INTO t VALUES(3)").run();
    sp.release();
  }
  tx.commit();
  CHECK(count(db, "t") == 2);
}

TEST_CASE("SQL errors become storage_error and leave cached statements usable") {
  database db(":memory:");
  db.exec("CREATE TABLE t(v INTEGER NOT NULL UNIQUE)");
  auto insert = [&](std::optional<std::int64_t> v) { db.prepare("INSERT INTO t VALUES(?)").bind(1, v).run(); };
  insert(1);
  SUBCASE("constraint") {
    try {
      insert(1);
      FAIL("duplicate accepted");
    } catch (const error& e) {
      CHECK(e.code() == errc::storage_error);
    }
  }
  SUBCASE("NULL binds as NULL") { CHECK_THROWS_AS(insert(std::nullopt), error); }
  SUBCASE("syntax") { CHECK_THROWS_AS(db.exec("SELEC nothing"), error); }
  insert(2);
  CHECK(count(db, "t") == 2);
}

TEST_CASE("text with NUL bytes, quotes and SQL meta-characters round-trips as data") {
  database db(":memory:");
  db.exec("CREATE TABLE t(v TEXT)");
  const std::string nasty = std::string("Robert'); DROP TABLE t;--\0end", 29);
  db.prepare("INSERT INTO t VALUES(?)").bind(1, nasty).run();
  auto& st = db.prepare("SELECT v FROM t");
  REQUIRE(st.step());
  CHECK(st.column_text(0) == nasty);
}

TEST_CASE("opening a path in a missing folder is a storage_error naming the path") {
  try {
    database db("/nonexistent-vigie-dir/sub/v.db");
    FAIL("opened");
  } catch (const error& e) {
    CHECK(e.code() == errc::storage_error);
    CHECK(std::string(e.what()).find("/nonexistent-vigie-dir/sub/v.db") != std::string::npos);
  }
}

TEST_CASE("two connections to one file both write under WAL") {
  const auto dir = temp_dir();
  const auto path = (dir / "v.db").string();
  database a(path), b(path);
  a.exec("CREATE TABLE t(v INTEGER)");
  {
    transaction tx(a);
    a.prepare("INSERT INTO t VALUES(1)").run();
    tx.commit();
  }
  {
    transaction tx(b);
    b.prepare("INSERT INTO t VALUES(2)").run();
    tx.commit();
  }
  CHECK(count(a, "t") == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a row is read by column name, an alias counts as a name, and a missing name is an internal error") {
  database db(":memory:");
  auto& st = db.prepare("SELECT 7 AS seven, 'x' AS letter, NULL AS absent");
  REQUIRE(st.step());
  CHECK(st.column_int("seven") == 7);
  CHECK(st.column_text("letter") == "x");
  CHECK(st.is_null("absent"));
  CHECK_FALSE(st.column_opt_int("absent").has_value());
  try {
    (void)st.column_int("eight");
    FAIL("no error for a missing column");
  } catch (const error& e) {
    CHECK(e.code() == errc::internal);
    CHECK(std::string(e.what()).find("eight") != std::string::npos);
  }
  st.reset();
}
