#include "storage/database.hpp"

#include <sqlite3.h>

#include <mutex>

#include "common/error.hpp"

namespace vigie::storage {

void throw_sqlite(sqlite3* db, std::string_view what) {
  std::string message(what);
  if (db) {
    message += ": ";
    message += sqlite3_errmsg(db);
  }
  throw error(errc::storage_error, message);
}

statement::statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                         nullptr) != SQLITE_OK)
    throw_sqlite(db, "prepare failed");
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement::statement(statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

statement& statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) throw_sqlite(db_, "bind failed");
  return *this;
}
statement& statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) throw_sqlite(db_, "bind failed");
  return *this;
}
statement& statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
    throw_sqlite(db_, "bind failed");
  return *this;
}
statement& statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) throw_sqlite(db_, "bind failed");
  return *this;
}

bool statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset so the cached statement is usable again after the error.
  std::string message = std::string("step failed: ") + sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  throw error(errc::storage_error, message);
}

void statement::run() {
  while (step()) {
  }
}

void statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }
std::string statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)) : std::string();
}
int statement::column_index(std::string_view name) const {
  const int n = sqlite3_column_count(stmt_);
  for (int i = 0; i < n; ++i) {
    if (const char* c = sqlite3_column_name(stmt_, i); c && name == c) return i;
  }
  throw error(errc::internal, "no column " + std::string(name) + " in " + sqlite3_sql(stmt_));
}

std::optional<std::int64_t> statement::column_opt_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int(column);
}
std::optional<std::string> statement::column_opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}
std::optional<bool> statement::column_opt_bool(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int(column) != 0;
}

void database::configure(bool single_thread) {
  static std::once_flag once;
  std::call_once(once, [single_thread] {
    if (single_thread) sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

database::database(const std::string& path, open_options options) : path_(path) {
  configure(false);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create) flags |= SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = "cannot open database " + path + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw error(errc::storage_error, message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  try {
    // WAL lets several host processes read while one writes; NORMAL sync in
    // WAL mode still survives a killed process (only power loss can drop the
    // last commits), which is the failure a browser host actually meets.
    if (path != ":memory:") enable_wal();
    // secure_delete: erased rows are overwritten with zeros in their pages
    // (forget and purge must leave no copy in the file); see erase_traces().
    exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=ON");
    if (options.cache_kib > 0) exec("PRAGMA cache_size=-" + std::to_string(options.cache_kib));
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

void database::define_text_function(const std::string& name, std::function<std::string(std::string_view)> fn) {
  using text_fn = std::function<std::string(std::string_view)>;
  auto call = [](sqlite3_context* c, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
      sqlite3_result_null(c);
      return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
    try {
      const auto out = (*static_cast<text_fn*>(sqlite3_user_data(c)))(std::string_view(text ? text : "", size));
      sqlite3_result_text(c, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
    } catch (const std::exception& e) {
      sqlite3_result_error(c, e.what(), -1);  // exceptions must not cross SQLite's C frames
    }
  };
  auto* owned = new text_fn(std::move(fn));
  // SQLite calls the destroy callback (deleting `owned`) even when the
  // registration fails.
  if (sqlite3_create_function_v2(db_, name.c_str(), 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, owned, call, nullptr,
                                 nullptr, [](void* p) { delete static_cast<text_fn*>(p); }) != SQLITE_OK)
    throw_sqlite(db_, "cannot define SQL function " + name);
  functions_.insert(name);
}

void database::enable_wal() {
  // Switching a new file to WAL needs an exclusive lock, and SQLite answers
  // SQLITE_BUSY at once (no busy handler) when two processes race to do it, as
  // two browser windows starting their hosts on a fresh install can. Retry
  // briefly instead of failing the whole session.
  for (int attempt = 0;; ++attempt) {
    try {
      auto& st = prepare("PRAGMA journal_mode=WAL");
      if (st.step() && st.column_text(0) == "wal") {
        st.reset();
        return;
      }
      st.reset();
    } catch (const error&) {
      if (attempt >= 100) throw;
    }
    if (attempt >= 100) throw error(errc::storage_error, "cannot switch " + path_ + " to WAL mode");
    sqlite3_sleep(10);
  }
}

database::~database() {
  cache_.clear();  // finalize statements before closing
  if (db_) sqlite3_close_v2(db_);
}

void database::exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = std::string("sql failed: ") + (err ? err : sqlite3_errmsg(db_));
    sqlite3_free(err);
    throw error(errc::storage_error, message);
  }
}

statement& database::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<statement>(db_, sql)).first;
  it->second->reset();
  return *it->second;
}

std::int64_t database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int database::changes() const { return sqlite3_changes(db_); }

int database::user_version() {
  auto& st = prepare("PRAGMA user_version");
  st.step();
  const auto version = static_cast<int>(st.column_int(0));
  st.reset();
  return version;
}

std::int64_t database::data_version() {
  auto& st = prepare("PRAGMA data_version");
  st.step();
  const auto version = st.column_int(0);
  st.reset();
  return version;
}

void database::set_user_version(int version) { exec("PRAGMA user_version=" + std::to_string(version)); }

bool database::erase_traces() {
  // The WAL still holds the pages as they were before the erase: copy the
  // latest pages into the database and truncate the WAL to zero bytes. Busy
  // (another connection reading) leaves the WAL for the next checkpoint.
  if (in_transaction() || path_ == ":memory:") return false;
  int log_frames = 0, checkpointed = 0;
  const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &checkpointed);
  return rc == SQLITE_OK;
}

bool database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

transaction::transaction(database& db) : db_(db) { db_.prepare("BEGIN IMMEDIATE").run(); }

transaction::~transaction() {
  if (done_) return;
  char* err = nullptr;
  sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, &err);
  sqlite3_free(err);
}

void transaction::commit() {
  db_.prepare("COMMIT").run();
  done_ = true;
}

// Prepared once per connection (database::prepare caches them): a stream of
// events opens and releases one savepoint per request, and re-parsing the
// SQL text each time showed in the profile.
savepoint::savepoint(database& db) : db_(db) { db_.prepare("SAVEPOINT request").run(); }

savepoint::~savepoint() {
  if (done_) return;
  try {
    db_.prepare("ROLLBACK TO request").run();
    db_.prepare("RELEASE request").run();
  } catch (...) {
    // Destructors never throw; a failed rollback leaves the outer
    // transaction to be rolled back by its own destructor.
  }
}

void savepoint::release() {
  db_.prepare("RELEASE request").run();
  done_ = true;
}

}  // namespace vigie::storage
