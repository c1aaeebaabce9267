#pragma once
// Stored setting values as text (the app layer chooses the encoding); keys
// not stored take their defaults from domain/settings.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace vigie::storage {

class settings_repository {
 public:
  explicit settings_repository(database& db) : db_(db) {}
  std::vector<std::pair<std::string, std::string>> load_all();
  void put(std::string_view key, std::string_view value);

 private:
  database& db_;
};

}  // namespace vigie::storage
