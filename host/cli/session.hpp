#pragma once
// The CLI uses the host's own code, in-process: the domain ledger, the
// settings and the views the handlers answer with (app/ledger_views.hpp,
// app/export_format.hpp), through context(). No command touches SQL or builds
// a request, so the CLI and the host can never disagree about what an event
// means or how a number is counted.
#include <functional>
#include <memory>
#include <string>

#include "app/context.hpp"
#include "common/paths.hpp"
#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::cli {

class session {
 public:
  // The user's database: resolve_paths (VIGIE_HOME), private folder, migrate,
  // log to a file next to the host's log; clock from VIGIE_NOW if set.
  session();
  // An explicit database (":memory:" in unit tests) and clock; no logging set-up.
  session(const vigie::paths& paths, const std::string& database_path, std::unique_ptr<domain::clock> clock);

  // Runs `work` in one transaction: it commits when `work` returns, and any
  // exception rolls all of it back, so an import written in many batches is
  // still all or nothing.
  void in_one_transaction(const std::function<void()>& work);

  // The database, clock, paths and settings every command works with.
  app::context& context() { return *ctx_; }
  // After a commit that erased personal data: no copy left in the WAL.
  void erase_traces();

  const vigie::paths& paths() const { return paths_; }
  const domain::clock& clock() const { return *clock_; }

 private:
  vigie::paths paths_;
  std::unique_ptr<domain::clock> clock_;
  std::unique_ptr<storage::database> db_;
  std::unique_ptr<app::context> ctx_;
};

}  // namespace vigie::cli
