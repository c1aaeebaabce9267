#pragma once
// Parser-drift reports: the extension saw a page it could not read.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::storage {

struct drift_row {
  std::int64_t id = 0;
  domain::millis at = 0;
  std::string page_kind, url, detail;
};

class drift_repository {
 public:
  explicit drift_repository(database& db) : db_(db) {}
  std::int64_t add(domain::millis at, std::string_view page_kind, std::string_view url, std::string_view detail);
  std::int64_t count();
  std::optional<drift_row> last();
  std::vector<drift_row> all();
  bool erase(std::int64_t id);
  std::int64_t purge_before(domain::millis cutoff);

 private:
  database& db_;
};

}  // namespace vigie::storage
