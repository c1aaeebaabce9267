#include "storage/team_repository.hpp"

namespace vigie::storage {

std::optional<team_membership_row> team_repository::membership() {
  auto& st = db_.prepare(
      "SELECT conninfo, member_id, display_name, secret, show_figures, joined_at, invitations_cursor, "
      "verdicts_cursor, members_cursor, last_push_at, last_pull_at, last_error FROM team_membership WHERE id = 1");
  if (!st.step()) {
    st.reset();
    return std::nullopt;
  }
  team_membership_row r;
  r.conninfo = st.column_text(0);
  r.member_id = st.column_text(1);
  r.display_name = st.column_text(2);
  r.secret = st.column_text(3);
  r.show_figures = st.column_int(4) != 0;
  r.joined_at = st.column_int(5);
  r.invitations_cursor = st.column_int(6);
  r.verdicts_cursor = st.column_int(7);
  r.members_cursor = st.column_int(8);
  r.last_push_at = st.column_opt_int(9);
  r.last_pull_at = st.column_opt_int(10);
  r.last_error = st.column_opt_text(11);
  st.reset();
  return r;
}

void team_repository::join(const team_membership_row& r) {
  auto& st = db_.prepare(
      "INSERT INTO team_membership(id, conninfo, member_id, display_name, secret, show_figures, joined_at) "
      "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)");
  st.bind(1, r.conninfo).bind(2, r.member_id).bind(3, r.display_name).bind(4, r.secret).bind(5, r.show_figures)
      .bind(6, r.joined_at);
  st.run();
  requeue_all();
}

void team_repository::requeue_all() {
  db_.exec(
      "INSERT INTO team_outbox(kind, ref) SELECT 'invitation', id FROM invitations ORDER BY id;"
      "INSERT INTO team_outbox(kind, ref) SELECT 'verdict', id FROM people WHERE user_verdict IS NOT NULL ORDER BY id;");
}

void team_repository::reset_copy() {
  db_.exec(
      "DELETE FROM team_invitations; DELETE FROM team_verdicts; DELETE FROM team_members;"
      "UPDATE team_membership SET invitations_cursor = 0, verdicts_cursor = 0, members_cursor = 0;");
}

std::int64_t team_repository::hash_new_people(
    const std::function<std::string(const std::string&, const std::string&)>& hash) {
  // New rows of people take ids above every existing one (SQLite's rowid rule), so "above the last hashed"
  // finds them; a forgotten person's hash went with them (ON DELETE CASCADE).
  auto& st = db_.prepare(
      "SELECT id, network, profile_key FROM people WHERE id > (SELECT coalesce(max(person_id), 0) FROM team_people) "
      "ORDER BY id");
  std::vector<std::pair<std::int64_t, std::string>> rows;
  while (st.step()) rows.emplace_back(st.column_int(0), hash(st.column_text(1), st.column_text(2)));
  st.reset();
  auto& ins = db_.prepare("INSERT OR REPLACE INTO team_people(person_id, key_hash) VALUES (?1, ?2)");
  for (const auto& [id, h] : rows) {
    ins.reset();
    ins.bind(1, id).bind(2, h);
    ins.run();
  }
  return static_cast<std::int64_t>(rows.size());
}

void team_repository::replace_settings(const std::vector<std::pair<std::string, std::string>>& values) {
  db_.exec("DELETE FROM team_settings");
  for (const auto& [k, v] : values) put_setting(k, v);
}

void team_repository::leave() {
  db_.exec(
      "DELETE FROM team_membership; DELETE FROM team_outbox; DELETE FROM team_invitations; DELETE FROM team_verdicts;"
      "DELETE FROM team_members; DELETE FROM team_settings; DELETE FROM team_people;");
}

void team_repository::set_cursors(std::int64_t invitations, std::int64_t verdicts, std::int64_t members) {
  auto& st = db_.prepare(
      "UPDATE team_membership SET invitations_cursor = ?1, verdicts_cursor = ?2, members_cursor = ?3 WHERE id = 1");
  st.bind(1, invitations).bind(2, verdicts).bind(3, members);
  st.run();
}

void team_repository::set_show_figures(bool show) {
  auto& st = db_.prepare("UPDATE team_membership SET show_figures = ?1 WHERE id = 1");
  st.bind(1, show);
  st.run();
}

void team_repository::record_push(domain::millis at) {
  auto& st = db_.prepare("UPDATE team_membership SET last_push_at = ?1, last_error = NULL WHERE id = 1");
  st.bind(1, at);
  st.run();
}

void team_repository::record_pull(domain::millis at) {
  auto& st = db_.prepare("UPDATE team_membership SET last_pull_at = ?1, last_error = NULL WHERE id = 1");
  st.bind(1, at);
  st.run();
}

void team_repository::record_error(std::string_view message) {
  auto& st = db_.prepare("UPDATE team_membership SET last_error = ?1 WHERE id = 1");
  st.bind(1, message);
  st.run();
}

std::int64_t team_repository::outbox_size() {
  auto& st = db_.prepare("SELECT count(*) FROM team_outbox");
  st.step();
  const auto n = st.column_int(0);
  st.reset();
  return n;
}

std::vector<outbox_entry> team_repository::outbox(int limit) {
  auto& st = db_.prepare("SELECT seq, kind, ref FROM team_outbox ORDER BY seq LIMIT ?1");
  st.bind(1, limit);
  std::vector<outbox_entry> out;
  while (st.step()) out.push_back({st.column_int(0), st.column_text(1), st.column_int(2)});
  st.reset();
  return out;
}

void team_repository::drop_outbox(std::int64_t up_to) {
  auto& st = db_.prepare("DELETE FROM team_outbox WHERE seq <= ?1");
  st.bind(1, up_to);
  st.run();
}

std::optional<shareable_invitation> team_repository::shareable_invitation_of(std::int64_t id) {
  auto& st = db_.prepare(
      "SELECT i.network, p.profile_key, i.direction, i.status, i.created_at, i.decided_at, p.name, i.note "
      "FROM invitations i JOIN people p ON p.id = i.person_id WHERE i.id = ?1");
  st.bind(1, id);
  std::optional<shareable_invitation> out;
  if (st.step()) {
    shareable_invitation r;
    r.network = st.column_text(0);
    r.profile_key = st.column_text(1);
    r.direction = st.column_text(2);
    r.status = st.column_text(3);
    r.created_at = st.column_int(4);
    r.decided_at = st.column_opt_int(5);
    r.name = st.column_opt_text(6);
    r.note = st.column_opt_text(7);
    out = std::move(r);
  }
  st.reset();
  return out;
}

std::optional<shareable_verdict> team_repository::shareable_verdict_of(std::int64_t person_id) {
  auto& st = db_.prepare(
      "SELECT network, profile_key, user_verdict, coalesce(verdict_at, last_seen_at) FROM people "
      "WHERE id = ?1 AND user_verdict IS NOT NULL");
  st.bind(1, person_id);
  std::optional<shareable_verdict> out;
  if (st.step()) out = shareable_verdict{st.column_text(0), st.column_text(1), st.column_text(2), st.column_int(3)};
  st.reset();
  return out;
}

void team_repository::apply(const team_invitation_row& r) {
  if (r.erased) {
    auto& st = db_.prepare("DELETE FROM team_invitations WHERE member_id = ?1 AND local_id = ?2");
    st.bind(1, r.member_id).bind(2, r.local_id);
    st.run();
    return;
  }
  auto& st = db_.prepare(
      "INSERT INTO team_invitations(member_id, local_id, key_hash, network, direction, status, created_at, "
      "decided_at, name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT(member_id, local_id) DO UPDATE SET key_hash = excluded.key_hash, network = excluded.network, "
      "direction = excluded.direction, status = excluded.status, created_at = excluded.created_at, "
      "decided_at = excluded.decided_at, name = excluded.name");
  st.bind(1, r.member_id).bind(2, r.local_id).bind(3, r.key_hash).bind(4, r.network).bind(5, r.direction)
      .bind(6, r.status).bind(7, r.created_at).bind(8, r.decided_at).bind(9, r.name);
  st.run();
}

void team_repository::apply(const team_verdict_row& r) {
  if (r.erased) {
    auto& st = db_.prepare("DELETE FROM team_verdicts WHERE member_id = ?1 AND person_ref = ?2");
    st.bind(1, r.member_id).bind(2, r.person_ref);
    st.run();
    return;
  }
  auto& st = db_.prepare(
      "INSERT INTO team_verdicts(member_id, person_ref, key_hash, verdict, at) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(member_id, person_ref) DO UPDATE SET key_hash = excluded.key_hash, verdict = excluded.verdict, "
      "at = excluded.at");
  st.bind(1, r.member_id).bind(2, r.person_ref).bind(3, r.key_hash).bind(4, r.verdict).bind(5, r.at);
  st.run();
}

void team_repository::apply(const team_member_row& r) {
  if (r.left) {
    for (const char* sql : {"DELETE FROM team_invitations WHERE member_id = ?1",
                            "DELETE FROM team_verdicts WHERE member_id = ?1",
                            "DELETE FROM team_members WHERE member_id = ?1"}) {
      auto& st = db_.prepare(sql);
      st.bind(1, r.member_id);
      st.run();
    }
    return;
  }
  auto& st = db_.prepare(
      "INSERT INTO team_members(member_id, display_name, show_figures) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(member_id) DO UPDATE SET display_name = excluded.display_name, "
      "show_figures = excluded.show_figures");
  st.bind(1, r.member_id).bind(2, r.display_name).bind(3, r.show_figures);
  st.run();
}

void team_repository::put_setting(std::string_view key, std::string_view value) {
  auto& st = db_.prepare(
      "INSERT INTO team_settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st.bind(1, key).bind(2, value);
  st.run();
}

std::vector<std::pair<std::string, std::string>> team_repository::settings() {
  auto& st = db_.prepare("SELECT key, value FROM team_settings ORDER BY key");
  std::vector<std::pair<std::string, std::string>> out;
  while (st.step()) out.emplace_back(st.column_text(0), st.column_text(1));
  st.reset();
  return out;
}

namespace {
std::optional<team_person_facts::fact> one_fact(statement& st) {
  std::optional<team_person_facts::fact> out;
  if (st.step()) out = team_person_facts::fact{st.column_text(0), st.column_int(1)};
  st.reset();
  return out;
}
}  // namespace

team_person_facts team_repository::facts(std::string_view key_hash, std::string_view own_member_id) {
  // Each is one probe of the key_hash index: a person has a handful of rows.
  team_person_facts f;
  const char* name = "coalesce((SELECT display_name FROM team_members m WHERE m.member_id = t.member_id), '')";
  {
    auto& st = db_.prepare(std::string("SELECT ") + name +
                           ", t.created_at FROM team_invitations t WHERE t.key_hash = ?1 AND t.member_id <> ?2 "
                           "AND t.direction = 'sent' AND t.status = 'pending' ORDER BY t.created_at LIMIT 1");
    st.bind(1, key_hash).bind(2, own_member_id);
    f.pending = one_fact(st);
  }
  {
    auto& st = db_.prepare(std::string("SELECT ") + name +
                           ", coalesce(t.decided_at, t.created_at) AS at FROM team_invitations t "
                           "WHERE t.key_hash = ?1 AND t.member_id <> ?2 AND t.status = 'accepted' "
                           "ORDER BY at LIMIT 1");
    st.bind(1, key_hash).bind(2, own_member_id);
    f.connected = one_fact(st);
  }
  {
    auto& st = db_.prepare(std::string("SELECT ") + name +
                           ", coalesce(t.decided_at, t.created_at) AS at FROM team_invitations t "
                           "WHERE t.key_hash = ?1 AND t.member_id <> ?2 AND t.direction = 'sent' "
                           "AND t.status = 'withdrawn' ORDER BY at DESC LIMIT 1");
    st.bind(1, key_hash).bind(2, own_member_id);
    f.withdrawn = one_fact(st);
  }
  {
    auto& st = db_.prepare(std::string("SELECT ") + name +
                           ", t.at FROM team_verdicts t WHERE t.key_hash = ?1 AND t.member_id <> ?2 "
                           "AND t.verdict = 'fake' ORDER BY t.at DESC LIMIT 1");
    st.bind(1, key_hash).bind(2, own_member_id);
    f.fake = one_fact(st);
  }
  return f;
}

std::int64_t team_repository::team_rows() {
  auto& st = db_.prepare("SELECT (SELECT count(*) FROM team_invitations) + (SELECT count(*) FROM team_verdicts)");
  st.step();
  const auto n = st.column_int(0);
  st.reset();
  return n;
}

}  // namespace vigie::storage
