#pragma once
// RAII over sqlite3: a connection, prepared statements, and transactions.
// Every failure becomes vigie::error(storage_error). Destructors never throw.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::storage {

class statement {
 public:
  statement(sqlite3* db, std::string_view sql);
  ~statement();
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  statement(statement&& other) noexcept;
  statement& operator=(statement&&) = delete;

  // Binding is 1-based like SQLite. Empty optionals bind NULL.
  statement& bind(int index, std::int64_t value);
  statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  statement& bind(int index, double value);
  statement& bind(int index, std::string_view value);
  statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  statement& bind_null(int index);
  template <typename T>
  statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  bool step();  // true while a row is available
  void run();   // step to completion, for writes
  void reset(); // reset and clear bindings, ready for reuse

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  std::string column_text(int column) const;
  std::optional<std::int64_t> column_opt_int(int column) const;
  std::optional<std::string> column_opt_text(int column) const;
  std::optional<bool> column_opt_bool(int column) const;
  // The same, by the column's name in the SELECT (its alias when it has one):
  // repositories read rows by name, so that adding a column to a SELECT
  // cannot shift the others. error(internal) for a name the row lacks.
  int column_index(std::string_view name) const;
  bool is_null(std::string_view name) const { return is_null(column_index(name)); }
  std::int64_t column_int(std::string_view name) const { return column_int(column_index(name)); }
  std::string column_text(std::string_view name) const { return column_text(column_index(name)); }
  std::optional<std::int64_t> column_opt_int(std::string_view name) const { return column_opt_int(column_index(name)); }
  std::optional<std::string> column_opt_text(std::string_view name) const {
    return column_opt_text(column_index(name));
  }
  std::optional<bool> column_opt_bool(std::string_view name) const { return column_opt_bool(column_index(name)); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// vigie-host's page cache, in KiB. The host lives as long as a browser
// window, so its footprint matters more than a CLI run's: peak RSS over a
// 10,000-event stream is 8.2 MiB with SQLite's 2 MiB default, 6.6 MiB with
// this; the OS page cache serves the rest of the file, and bench/ledger
// measures check and stats with this same limit.
inline constexpr int host_cache_kib = 256;

struct open_options {
  int busy_timeout_ms = 10000;
  bool create = true;
  // Page cache limit in KiB; 0 keeps SQLite's default (2 MiB).
  int cache_kib = 0;
};

class database {
 public:
  // path ":memory:" gives a private in-memory database (unit tests).
  explicit database(const std::string& path, open_options options = {});
  // SQLite's process-wide settings, before the first connection opens: no
  // memory statistics (a global mutex on every allocation), and with
  // single_thread no mutexes at all, for a process with one thread and one
  // connection (vigie-host). Later calls, and calls after a connection
  // opened, change nothing.
  static void configure(bool single_thread);
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  void exec(std::string_view sql);
  // Makes fn callable from SQL as name(text) (NULL in, NULL out). Lets an
  // upper layer lend its text rules to a query (invitations_repository's
  // `fold`) without storage depending on it. Registering a name again
  // replaces the function.
  void define_text_function(const std::string& name, std::function<std::string(std::string_view)> fn);
  bool has_function(const std::string& name) const { return functions_.count(name) > 0; }
  // Cached prepared statement, reset and ready for binding. Cached by SQL text:
  // hot paths (one insert per event) must not re-prepare.
  statement& prepare(const std::string& sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  int user_version();
  // Changes when another connection commits (PRAGMA data_version): how a
  // cache of stored values learns that the CLI changed them under the host.
  std::int64_t data_version();
  void set_user_version(int version);
  bool in_transaction() const;
  // After forget/purge has committed: checkpoint(TRUNCATE) so the WAL keeps no
  // page from before the erase (deleted rows are zeroed by secure_delete).
  // False when another connection held the WAL (it is truncated next time).
  bool erase_traces();
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  void enable_wal();
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<statement>> cache_;
  std::unordered_set<std::string> functions_;
};

// BEGIN IMMEDIATE (takes the write lock up front, so two processes never
// deadlock upgrading a read lock) ... COMMIT, or ROLLBACK in the destructor.
class transaction {
 public:
  explicit transaction(database& db);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  void commit();

 private:
  database& db_;
  bool done_ = false;
};

// A savepoint inside a transaction: one failing request inside a batch rolls
// back only its own writes.
class savepoint {
 public:
  explicit savepoint(database& db);
  ~savepoint();
  savepoint(const savepoint&) = delete;
  savepoint& operator=(const savepoint&) = delete;
  void release();

 private:
  database& db_;
  bool done_ = false;
};

[[noreturn]] void throw_sqlite(sqlite3* db, std::string_view what);

}  // namespace vigie::storage
