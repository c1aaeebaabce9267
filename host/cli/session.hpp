#pragma once
// The CLI uses the host's own code, in-process: the domain ledger and the
// settings through context() where a command maps onto them, or the handlers
// through `call` (the dispatcher, one transaction per call; the error reply
// thrown as vigie::error). No command touches SQL, so the CLI and the host can
// never disagree about what an event means.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/context.hpp"
#include "app/dispatcher.hpp"
#include "common/paths.hpp"
#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::cli {

using json = nlohmann::json;

class session {
 public:
  // The user's database: resolve_paths (VIGIE_HOME), private folder, migrate,
  // log to a file next to the host's log; clock from VIGIE_NOW if set.
  session();
  // An explicit database (":memory:" in unit tests) and clock; no logging set-up.
  session(const vigie::paths& paths, const std::string& database_path, std::unique_ptr<domain::clock> clock);

  // Throws vigie::error with the reply's code and message when the handler refuses.
  json call(const std::string& type, json body = json::object());

  // Runs `work` in one transaction that every call() inside it joins: it
  // commits when `work` returns, and any exception rolls all of it back, so
  // an import sent in many batches is still all or nothing.
  void in_one_transaction(const std::function<void()>& work);

  // What the commands that call the ledger directly use (forget, purge, limits).
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
  std::unique_ptr<app::dispatcher> dispatcher_;
};

}  // namespace vigie::cli
