#include "cli/session.hpp"

#include <sys/stat.h>

#include "app/settings_json.hpp"
#include "common/error.hpp"
#include "common/logging.hpp"
#include "protocol/message.hpp"
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

errc errc_from_string(std::string_view code) {
  for (const errc c : {errc::bad_frame, errc::bad_json, errc::bad_request, errc::unknown_type, errc::too_large,
                       errc::storage_error, errc::forbidden, errc::not_found, errc::bad_import, errc::internal})
    if (to_string(c) == code) return c;
  return errc::internal;
}

session::session() : session(prepare_default_paths(), {}, domain::clock_from_environment()) {}

session::session(const vigie::paths& paths, const std::string& database_path, std::unique_ptr<domain::clock> clock)
    : paths_(paths), clock_(std::move(clock)) {
  db_ = std::make_unique<storage::database>(database_path.empty() ? paths_.database().string() : database_path);
  storage::migrate(*db_);
  ctx_ = std::make_unique<app::context>(app::context{*db_, *clock_, paths_, vigie::caller{}});
  dispatcher_ = std::make_unique<app::dispatcher>(*ctx_);
  app::register_all_handlers(*dispatcher_);
}

json session::call(const std::string& type, json body) {
  if (!body.is_object()) throw error(errc::internal, "request body for " + type + " is not an object");
  body["type"] = type;
  return dispatcher_->invoke(type, std::move(body));
}

void session::in_one_transaction(const std::function<void()>& work) {
  storage::transaction tx(*db_);
  try {
    work();
    tx.commit();
  } catch (...) {
    // The settings cache may hold what the rolled-back work wrote.
    app::invalidate_settings(*db_);
    throw;
  }
}

}  // namespace vigie::cli
