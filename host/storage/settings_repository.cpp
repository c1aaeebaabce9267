#include "storage/settings_repository.hpp"

namespace vigie::storage {

std::vector<std::pair<std::string, std::string>> settings_repository::load_all() {
  auto& st = db_.prepare("SELECT key, value FROM settings ORDER BY key");
  std::vector<std::pair<std::string, std::string>> out;
  while (st.step()) out.emplace_back(st.column_text("key"), st.column_text("value"));
  st.reset();
  return out;
}

void settings_repository::put(std::string_view key, std::string_view value) {
  auto& st = db_.prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2");
  st.bind(1, key).bind(2, value);
  st.run();
}

}  // namespace vigie::storage
