#pragma once
// What a handler may use. Handlers get the database through the context so
// the dispatcher controls transactions.
#include <string>

#include "common/callers.hpp"
#include "common/paths.hpp"
#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::app {

struct context {
  storage::database& db;
  const domain::clock& clock;
  vigie::paths paths;
  vigie::caller caller;
  // Set by handlers that erase personal data (person.forget, data.purge): the
  // dispatcher then has the database erase its traces once the batch commits.
  bool erased = false;
};

}  // namespace vigie::app
