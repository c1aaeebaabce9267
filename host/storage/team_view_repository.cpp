#include "storage/team_view_repository.hpp"

namespace vigie::storage {

std::vector<team_member_entry> team_view_repository::members() {
  auto& st = db_.prepare("SELECT member_id, display_name, show_figures FROM team_members ORDER BY member_id");
  std::vector<team_member_entry> out;
  while (st.step())
    out.push_back({st.column_text("member_id"), st.column_text("display_name"), st.column_int("show_figures") != 0});
  st.reset();
  return out;
}

std::vector<domain::millis> team_view_repository::sent_since(domain::millis since) {
  auto& st = db_.prepare(
      "SELECT created_at FROM team_invitations WHERE direction = 'sent' AND created_at >= ?1 ORDER BY created_at");
  st.bind(1, since);
  std::vector<domain::millis> out;
  while (st.step()) out.push_back(st.column_int("created_at"));
  st.reset();
  return out;
}

std::vector<team_status_count> team_view_repository::sent_by_status() {
  auto& st = db_.prepare(
      "SELECT member_id, status, count(*) AS n FROM team_invitations WHERE direction = 'sent' "
      "GROUP BY member_id, status ORDER BY member_id, status");
  std::vector<team_status_count> out;
  while (st.step()) out.push_back({st.column_text("member_id"), st.column_text("status"), st.column_int("n")});
  st.reset();
  return out;
}

std::vector<team_overlap> team_view_repository::overlaps(int limit) {
  // One row per (person, member): the people first, most recent contact
  // first, then each member by their first invitation to that person.
  auto& st = db_.prepare(
      "WITH shared AS ("
      "  SELECT key_hash, max(created_at) AS last_at FROM team_invitations WHERE direction = 'sent'"
      "  GROUP BY key_hash HAVING count(DISTINCT member_id) >= 2 ORDER BY last_at DESC, key_hash LIMIT ?1)"
      " SELECT s.key_hash AS key_hash, s.last_at AS last_at, t.member_id AS member_id, max(t.name) AS name,"
      "  min(t.created_at) AS first_at"
      " FROM shared s JOIN team_invitations t ON t.key_hash = s.key_hash AND t.direction = 'sent'"
      " GROUP BY s.key_hash, t.member_id ORDER BY s.last_at DESC, s.key_hash, first_at, t.member_id");
  st.bind(1, limit);
  std::vector<team_overlap> out;
  while (st.step()) {
    auto hash = st.column_text("key_hash");
    if (out.empty() || out.back().key_hash != hash) out.push_back({std::move(hash), {}, {}, st.column_int("last_at")});
    auto& o = out.back();
    if (!o.name) o.name = st.column_opt_text("name");
    o.member_ids.push_back(st.column_text("member_id"));
  }
  st.reset();
  return out;
}

std::optional<std::string> team_view_repository::own_name(const std::string& key_hash) {
  auto& st = db_.prepare(
      "SELECT p.name FROM team_people t JOIN people p ON p.id = t.person_id "
      "WHERE t.key_hash = ?1 AND p.name IS NOT NULL AND p.name <> '' LIMIT 1");
  st.bind(1, key_hash);
  std::optional<std::string> out;
  if (st.step()) out = st.column_text(0);
  st.reset();
  return out;
}

}  // namespace vigie::storage
