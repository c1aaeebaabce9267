#include "storage/invitations_repository.hpp"

#include "domain/text_fold.hpp"

#include <map>
#include <tuple>

namespace vigie::storage {

namespace {

constexpr const char* invitation_columns =
    "i.id, i.person_id, i.network, i.direction, i.status, i.note, i.source, i.created_at, i.decided_at, i.updated_at, "
    "i.time_known";

// By column name (the SELECT lists invitation_columns, whose names SQLite
// reports without the table alias): a column added or moved cannot shift the rest.
invitation_row read_invitation(const statement& st) {
  invitation_row r;
  r.id = st.column_int("id");
  r.person_id = st.column_int("person_id");
  r.network = st.column_text("network");
  r.direction = st.column_text("direction");
  r.status = st.column_text("status");
  r.note = st.column_text("note");
  r.source = st.column_text("source");
  r.created_at = st.column_int("created_at");
  r.decided_at = st.column_opt_int("decided_at");
  r.updated_at = st.column_int("updated_at");
  r.time_known = st.column_int("time_known") != 0;
  return r;
}

std::int64_t single_int(statement& st) {
  std::int64_t v = 0;
  if (st.step()) v = st.column_int(0);
  st.reset();
  return v;
}

}  // namespace

void invitations_repository::count(std::string_view network, std::string_view direction, std::string_view status,
                                   std::int64_t delta) {
  // The counter row almost always exists: a plain UPDATE is one b-tree
  // seek, where an upsert first tries (and fails) the insert.
  auto& update = db_.prepare(
      "UPDATE invitation_counts SET n = n + ?4 WHERE network = ?1 AND direction = ?2 AND status = ?3");
  update.bind(1, network).bind(2, direction).bind(3, status).bind(4, delta);
  update.run();
  if (db_.changes() > 0) return;
  auto& st = db_.prepare(
      "INSERT INTO invitation_counts(network, direction, status, n) VALUES(?1, ?2, ?3, ?4) "
      "ON CONFLICT(network, direction, status) DO UPDATE SET n = n + ?4");
  st.bind(1, network).bind(2, direction).bind(3, status).bind(4, delta);
  st.run();
}

std::int64_t invitations_repository::insert(const invitation_row& r) {
  auto& st = db_.prepare(
      "INSERT INTO invitations(person_id, network, direction, status, note, source, created_at, decided_at, "
      "updated_at, time_known, note_folded) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, max(?7, coalesce(?8, ?7)), ?9, ?10)");
  st.bind(1, r.person_id).bind(2, r.network).bind(3, r.direction).bind(4, r.status).bind(5, r.note);
  st.bind(6, r.source).bind(7, r.created_at).bind(8, r.decided_at).bind(9, r.time_known);
  // The list searches the note folded (schema v8): folded once here, not for every row of every search.
  st.bind(10, r.note.empty() ? std::string() : domain::fold(r.note));
  st.run();
  const auto id = db_.last_insert_rowid();
  count(r.network, r.direction, r.status, 1);
  return id;
}

std::optional<std::int64_t> invitations_repository::find_at(std::int64_t person_id, std::string_view direction,
                                                            millis created_at) {
  auto& st = db_.prepare(
      "SELECT id FROM invitations WHERE person_id = ?1 AND direction = ?2 AND created_at = ?3 LIMIT 1");
  st.bind(1, person_id).bind(2, direction).bind(3, created_at);
  std::optional<std::int64_t> id;
  if (st.step()) id = st.column_int(0);
  st.reset();
  return id;
}

std::optional<std::int64_t> invitations_repository::find_pending(std::int64_t person_id, std::string_view direction) {
  auto& st = db_.prepare(
      "SELECT id FROM invitations WHERE person_id = ?1 AND direction = ?2 AND status = 'pending' "
      "ORDER BY created_at DESC LIMIT 1");
  st.bind(1, person_id).bind(2, direction);
  std::optional<std::int64_t> id;
  if (st.step()) id = st.column_int(0);
  st.reset();
  return id;
}

std::optional<found_invitation> invitations_repository::find_at_or_pending(std::int64_t person_id,
                                                                           std::string_view direction,
                                                                           millis created_at) {
  auto& st = db_.prepare(
      "SELECT id, created_at FROM invitations WHERE person_id = ?1 AND direction = ?2 "
      "AND (created_at = ?3 OR status = 'pending') ORDER BY created_at = ?3 DESC, created_at DESC LIMIT 1");
  st.bind(1, person_id).bind(2, direction).bind(3, created_at);
  std::optional<found_invitation> out;
  if (st.step()) out = found_invitation{st.column_int(0), st.column_int(1)};
  st.reset();
  return out;
}

int invitations_repository::decide_pending(std::int64_t person_id, std::string_view direction,
                                           std::string_view status, millis at) {
  auto& st = db_.prepare(
      "UPDATE invitations SET status = ?3, decided_at = max(?4, created_at), updated_at = ?4 "
      "WHERE person_id = ?1 AND direction = ?2 AND status = 'pending' RETURNING network");
  st.bind(1, person_id).bind(2, direction).bind(3, status).bind(4, at);
  std::vector<std::string> networks;
  while (st.step()) networks.push_back(st.column_text(0));
  st.reset();
  for (const auto& network : networks) {
    count(network, direction, "pending", -1);
    count(network, direction, status, 1);
  }
  return static_cast<int>(networks.size());
}

void invitations_repository::decide(std::int64_t id, std::string_view status, millis at) {
  auto& read = db_.prepare("SELECT network, direction, status FROM invitations WHERE id = ?1");
  read.bind(1, id);
  if (!read.step()) {
    read.reset();
    return;
  }
  const auto network = read.column_text(0), direction = read.column_text(1), before = read.column_text(2);
  read.reset();
  auto& st = db_.prepare(
      "UPDATE invitations SET status = ?2, decided_at = max(?3, created_at), updated_at = ?3 WHERE id = ?1");
  st.bind(1, id).bind(2, status).bind(3, at);
  st.run();
  if (before != status) {
    count(network, direction, before, -1);
    count(network, direction, status, 1);
  }
}

void invitations_repository::forget_person(std::int64_t person_id) {
  auto& st = db_.prepare(
      "UPDATE invitation_counts SET n = n - (SELECT count(*) FROM invitations i WHERE i.person_id = ?1 "
      "AND i.network = invitation_counts.network AND i.direction = invitation_counts.direction "
      "AND i.status = invitation_counts.status) "
      "WHERE EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = ?1 AND i.network = invitation_counts.network "
      "AND i.direction = invitation_counts.direction AND i.status = invitation_counts.status)");
  st.bind(1, person_id);
  st.run();
}

std::int64_t invitations_repository::count_sent_from(std::string_view network, millis from) {
  auto& st = db_.prepare(
      "SELECT count(*) FROM invitations WHERE network = ?1 AND direction = 'sent' AND created_at >= ?2 AND time_known");
  st.bind(1, network).bind(2, from);
  return single_int(st);
}

std::int64_t invitations_repository::count_sent_after(std::string_view network, millis after) {
  auto& st = db_.prepare(
      "SELECT count(*) FROM invitations WHERE network = ?1 AND direction = 'sent' AND created_at > ?2 AND time_known");
  st.bind(1, network).bind(2, after);
  return single_int(st);
}

std::int64_t invitations_repository::count_notes_from(std::string_view network, millis from) {
  auto& st = db_.prepare(
      "SELECT count(*) FROM invitations WHERE network = ?1 AND direction = 'sent' AND created_at >= ?2 "
      "AND time_known AND note <> ''");
  st.bind(1, network).bind(2, from);
  return single_int(st);
}

std::int64_t invitations_repository::count_status(std::string_view network, std::string_view direction,
                                                  std::string_view status) {
  auto& st = db_.prepare(
      "SELECT coalesce(sum(n), 0) FROM invitation_counts WHERE network = ?1 AND direction = ?2 AND status = ?3");
  st.bind(1, network).bind(2, direction).bind(3, status);
  return single_int(st);
}

std::pair<std::int64_t, std::int64_t> invitations_repository::recent_decisions(std::string_view network,
                                                                                std::int64_t window) {
  // The statuses are domain::is_decided's (storage cannot include the domain);
  // check_handlers_test's acceptance cases and stats.get's weekly cohorts
  // (query_handlers_test) count them both ways.
  auto& st = db_.prepare(
      "SELECT count(*), coalesce(sum(status = 'accepted'), 0) FROM (SELECT status FROM invitations "
      "WHERE network = ?1 AND direction = 'sent' AND decided_at IS NOT NULL "
      "AND status IN ('accepted', 'withdrawn', 'expired') ORDER BY decided_at DESC LIMIT ?2)");
  st.bind(1, network).bind(2, window);
  std::pair<std::int64_t, std::int64_t> out{0, 0};
  if (st.step()) out = {st.column_int(0), st.column_int(1)};
  st.reset();
  return out;
}

std::vector<pending_sent> invitations_repository::pending_sent_list(std::string_view network) {
  auto& st = db_.prepare(
      "SELECT i.id, i.person_id, i.created_at, p.connected_at FROM invitations i JOIN people p ON p.id = i.person_id "
      "WHERE i.network = ?1 AND i.direction = 'sent' AND i.status = 'pending'");
  st.bind(1, network);
  std::vector<pending_sent> out;
  while (st.step()) out.push_back({st.column_int(0), st.column_int(1), st.column_int(2), st.column_opt_int(3)});
  st.reset();
  return out;
}

std::int64_t invitations_repository::count_pending_between(std::string_view network, millis after, millis up_to) {
  auto& st = db_.prepare(
      "SELECT count(*) FROM invitations WHERE network = ?1 AND direction = 'sent' AND status = 'pending' "
      "AND created_at > ?2 AND created_at <= ?3");
  st.bind(1, network).bind(2, after).bind(3, up_to);
  return single_int(st);
}

std::vector<listed_invitation> invitations_repository::oldest_pending(std::string_view network, millis created_up_to,
                                                                   int limit) {
  auto& st = db_.prepare(std::string("SELECT ") + invitation_columns +
                         ", p.profile_url, p.name FROM invitations i JOIN people p ON p.id = i.person_id "
                         "WHERE i.network = ?1 AND i.direction = 'sent' AND i.status = 'pending' "
                         "AND i.created_at <= ?2 ORDER BY i.created_at ASC LIMIT ?3");
  st.bind(1, network).bind(2, created_up_to).bind(3, limit);
  std::vector<listed_invitation> out;
  while (st.step()) {
    listed_invitation item;
    item.invitation = read_invitation(st);
    item.profile_url = st.column_text("profile_url");
    item.name = st.column_opt_text("name");
    out.push_back(std::move(item));
  }
  st.reset();
  return out;
}

std::vector<std::pair<millis, std::string>> invitations_repository::sent_since(std::string_view network, millis from) {
  auto& st = db_.prepare(
      "SELECT created_at, status FROM invitations WHERE network = ?1 AND direction = 'sent' AND created_at >= ?2 AND time_known");
  st.bind(1, network).bind(2, from);
  std::vector<std::pair<millis, std::string>> out;
  while (st.step()) out.emplace_back(st.column_int(0), st.column_text(1));
  st.reset();
  return out;
}

std::vector<invitation_row> invitations_repository::for_person(std::int64_t person_id) {
  auto& st = db_.prepare(std::string("SELECT ") + invitation_columns +
                         " FROM invitations i WHERE i.person_id = ?1 ORDER BY i.created_at DESC, i.id DESC");
  st.bind(1, person_id);
  std::vector<invitation_row> out;
  while (st.step()) out.push_back(read_invitation(st));
  st.reset();
  return out;
}

std::pair<std::int64_t, std::vector<listed_invitation>> invitations_repository::list(const list_filter& f) {
  // The SQL text depends only on which filters are present, so each shape is
  // prepared once and cached.
  std::string where = " WHERE 1";
  if (f.direction) where += " AND i.direction = ?1";
  if (f.status) where += " AND i.status = ?2";
  if (f.network) where += " AND i.network = ?3";
  if (f.since) where += " AND i.created_at >= ?4";
  if (f.until) where += " AND i.created_at < ?5";
  // The texts folded when written (schema v8): a plain instr per row, no function over every row's text.
  if (f.text) where += " AND (instr(p.search_text, ?6) OR instr(i.note_folded, ?6))";
  const std::string from = " FROM invitations i JOIN people p ON p.id = i.person_id";
  auto bind = [&](statement& st) {
    if (f.direction) st.bind(1, *f.direction);
    if (f.status) st.bind(2, *f.status);
    if (f.network) st.bind(3, *f.network);
    if (f.since) st.bind(4, *f.since);
    if (f.until) st.bind(5, *f.until);
    if (f.text) st.bind(6, *f.text);
  };
  auto& count = db_.prepare("SELECT count(*)" + from + where);
  bind(count);
  const auto total = single_int(count);

  const char* dir = f.ascending ? " ASC" : " DESC";
  std::string order;
  switch (f.sort) {
    case list_filter::sort_key::created_at: order = std::string("i.created_at") + dir + ", i.id" + dir; break;
    // People without a name sort by their profile key, case and accents folded by SQLite's NOCASE (ASCII) only:
    // good enough for an order, and it needs no fold() per row.
    case list_filter::sort_key::name: order = std::string("coalesce(p.name, p.profile_key) COLLATE NOCASE") + dir; break;
    case list_filter::sort_key::status: order = std::string("i.status") + dir; break;
    // By score: the level follows it, and a user's verdict is kept in the level.
    case list_filter::sort_key::level: order = std::string("coalesce(p.assessment_score, -1)") + dir; break;
  }
  if (f.sort != list_filter::sort_key::created_at) order += ", i.created_at DESC, i.id DESC";
  auto& st = db_.prepare(std::string("SELECT ") + invitation_columns +
                         ", p.profile_url, p.name, p.headline, p.current_title, p.assessment_level, "
                         "p.user_verdict, p.assessment_score" + from + where +
                         " ORDER BY " + order + " LIMIT ?7 OFFSET ?8");
  bind(st);
  st.bind(7, f.limit).bind(8, f.offset);
  std::vector<listed_invitation> items;
  while (st.step()) {
    listed_invitation item;
    item.invitation = read_invitation(st);
    item.profile_url = st.column_text("profile_url");
    item.name = st.column_opt_text("name");
    item.headline = st.column_opt_text("headline");
    item.current_title = st.column_opt_text("current_title");
    item.level = st.column_opt_text("assessment_level");
    item.verdict = st.column_opt_text("user_verdict");
    item.score = st.column_opt_int("assessment_score");
    items.push_back(std::move(item));
  }
  st.reset();
  return {total, std::move(items)};
}

std::int64_t invitations_repository::purge_decided_before(millis cutoff) {
  // Pending invitations are live whatever their age: the limits count them.
  auto& st = db_.prepare(
      "DELETE FROM invitations WHERE status <> 'pending' AND coalesce(decided_at, created_at) < ?1 "
      "RETURNING network, direction, status");
  st.bind(1, cutoff);
  std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> gone;
  std::int64_t deleted = 0;
  while (st.step()) {
    ++gone[{st.column_text(0), st.column_text(1), st.column_text(2)}];
    ++deleted;
  }
  st.reset();
  for (const auto& [key, n] : gone) count(std::get<0>(key), std::get<1>(key), std::get<2>(key), -n);
  return deleted;
}

}  // namespace vigie::storage
