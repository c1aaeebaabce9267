#pragma once
// Forward-only schema migrations, versioned with PRAGMA user_version.
// Migration N takes a database at version N-1 to version N inside one
// transaction. Never edit a shipped migration: add the next one.
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace vigie::storage {

struct migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<migration>& migrations();
int latest_schema_version();

// Brings db to `target` (default: latest). A database newer than this build
// knows is refused (storage_error) rather than written with old assumptions.
void migrate(database& db, int target = -1);

}  // namespace vigie::storage
