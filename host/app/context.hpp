#pragma once
// What a handler may use. Handlers get the database through the context so
// the dispatcher controls transactions.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "common/callers.hpp"
#include "common/paths.hpp"
#include "domain/clock.hpp"
#include "domain/lexicon.hpp"
#include "domain/settings.hpp"
#include "storage/database.hpp"

namespace vigie::app {

class context {
 public:
  context(storage::database& database, const domain::clock& time, vigie::paths where, vigie::caller who)
      : db(database), clock(time), paths(std::move(where)), caller(std::move(who)) {}

  storage::database& db;
  const domain::clock& clock;
  vigie::paths paths;
  vigie::caller caller;
  // Set by handlers that erase personal data (person.forget, data.purge): the
  // dispatcher then has the database erase its traces once the batch commits.
  bool erased = false;

  // The stored settings over the defaults. Read once and kept: every event
  // needs them, and re-reading and re-parsing them per event is most of a
  // small event's cost. Reloaded when another connection has committed
  // since (the CLI's `vigie limits set` under a running host) or after
  // settings_changed().
  const domain::settings& settings();
  // The shipped lexicons with the user's overrides, merged on first use only
  // (start-up and the events that assess nothing never pay for it).
  const domain::lexicon_set& lexicons();
  // After this connection wrote settings, or rolled back a transaction that may have.
  void settings_changed() noexcept { settings_.reset(); }

 private:
  struct settings_snapshot {
    domain::settings values;
    std::optional<domain::lexicon_set> lexicons;
    std::int64_t data_version = 0;
  };
  settings_snapshot& snapshot();
  std::optional<settings_snapshot> settings_;
};

}  // namespace vigie::app
