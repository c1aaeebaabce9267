#include "storage/drift_repository.hpp"

namespace vigie::storage {

std::int64_t drift_repository::add(domain::millis at, std::string_view page_kind, std::string_view url,
                                   std::string_view detail) {
  auto& st = db_.prepare("INSERT INTO drift_reports(at, page_kind, url, detail) VALUES(?1, ?2, ?3, ?4)");
  st.bind(1, at).bind(2, page_kind).bind(3, url).bind(4, detail);
  st.run();
  return db_.last_insert_rowid();
}

std::int64_t drift_repository::count() {
  auto& st = db_.prepare("SELECT count(*) AS n FROM drift_reports");
  std::int64_t n = 0;
  if (st.step()) n = st.column_int("n");
  st.reset();
  return n;
}

namespace {

drift_row read_drift(const statement& st) {
  return {st.column_int("id"), st.column_int("at"), st.column_text("page_kind"), st.column_text("url"),
          st.column_text("detail")};
}

}  // namespace

std::optional<drift_row> drift_repository::last() {
  auto& st = db_.prepare("SELECT id, at, page_kind, url, detail FROM drift_reports ORDER BY at DESC, id DESC LIMIT 1");
  std::optional<drift_row> row;
  if (st.step()) row = read_drift(st);
  st.reset();
  return row;
}

std::vector<drift_row> drift_repository::all() {
  auto& st = db_.prepare("SELECT id, at, page_kind, url, detail FROM drift_reports ORDER BY id");
  std::vector<drift_row> out;
  while (st.step()) out.push_back(read_drift(st));
  st.reset();
  return out;
}

bool drift_repository::erase(std::int64_t id) {
  auto& st = db_.prepare("DELETE FROM drift_reports WHERE id = ?1");
  st.bind(1, id);
  st.run();
  return db_.changes() > 0;
}

std::int64_t drift_repository::purge_before(domain::millis cutoff) {
  auto& st = db_.prepare("DELETE FROM drift_reports WHERE at < ?1");
  st.bind(1, cutoff);
  st.run();
  return db_.changes();
}

}  // namespace vigie::storage
