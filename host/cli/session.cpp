#include "cli/session.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include "common/logging.hpp"
#include "storage/migrations.hpp"

namespace vigie::cli {

namespace {

vigie::paths prepare_default_paths() {
  ::umask(077);  // the database and its WAL are the user's alone, as with the host
  auto p = resolve_paths();
  ensure_private_dir(p.data_dir);
  init_logging(p.log_dir, "vigie-cli.log");
  return p;
}

}  // namespace

session::session() : session(prepare_default_paths(), {}, domain::clock_from_environment()) {}

session::session(const vigie::paths& paths, const std::string& database_path, std::unique_ptr<domain::clock> clock)
    : paths_(paths), clock_(std::move(clock)) {
  db_ = std::make_unique<storage::database>(database_path.empty() ? paths_.database().string() : database_path);
  storage::migrate(*db_);
  ctx_ = std::make_unique<app::context>(app::context{*db_, *clock_, paths_, vigie::caller{}});
}

void session::erase_traces() {
  if (!db_->erase_traces()) spdlog::warn("erase: the WAL is in use by another process; truncated later");
}

void session::in_one_transaction(const std::function<void()>& work) {
  storage::transaction tx(*db_);
  try {
    work();
    tx.commit();
  } catch (...) {
    // The settings snapshot may hold what the rolled-back work wrote.
    ctx_->settings_changed();
    throw;
  }
}

}  // namespace vigie::cli
