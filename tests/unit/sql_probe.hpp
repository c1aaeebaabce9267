// Reading a test database directly: one number, or the query plan's details.
#pragma once

#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace vigie::test {

inline std::int64_t scalar(storage::database& db, const std::string& sql) {
  auto& st = db.prepare(sql);
  std::int64_t v = -1;
  if (st.step()) v = st.column_int(0);
  st.reset();
  return v;
}

inline std::string plan(storage::database& db, const std::string& sql) {
  auto& st = db.prepare("EXPLAIN QUERY PLAN " + sql);
  std::string detail;
  while (st.step()) detail += st.column_text(3) + "\n";
  st.reset();
  return detail;
}

}  // namespace vigie::test
