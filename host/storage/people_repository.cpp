#include "storage/people_repository.hpp"

#include "domain/text_fold.hpp"

#include "common/error.hpp"
#include "storage/invitations_repository.hpp"

namespace vigie::storage {

namespace {

// The profile's columns bear the names of its fields (domain/profile.hpp).
// `separator` joins "<field><suffix>" for each, with ?N placeholders
// numbered from `first` where the suffix holds "?": e.g. "name = ?3".
std::string profile_columns_sql(std::string_view suffix = "", std::string_view separator = ", ", int first = 0) {
  std::string out;
  int index = first;
  domain::for_each_profile_field([&](const char* field, auto) {
    if (!out.empty()) out += separator;
    out += field;
    out += suffix;
    if (!suffix.empty() && suffix.back() == '?') out += std::to_string(index++);
  });
  return out;
}

const std::string& profile_columns() {
  static const std::string columns = profile_columns_sql();
  return columns;
}

// Binds the profile's fields to ?first, ?first+1… in column order.
void bind_profile(statement& st, int first, const domain::profile& p) {
  int index = first;
  domain::for_each_profile_field([&](const char*, auto member) { st.bind(index++, p.*member); });
}

void read_column(const statement& st, const char* name, std::optional<std::string>& out) { out = st.column_opt_text(name); }
void read_column(const statement& st, const char* name, std::optional<std::int64_t>& out) { out = st.column_opt_int(name); }
void read_column(const statement& st, const char* name, std::optional<bool>& out) { out = st.column_opt_bool(name); }

// The profile's fields of the current row, by name (network and profile_url are the caller's).
domain::profile read_profile(const statement& st) {
  domain::profile p;
  domain::for_each_profile_field([&](const char* field, auto member) { read_column(st, field, p.*member); });
  return p;
}

}  // namespace

std::string people_search_text(const domain::profile& p, std::string_view profile_key) {
  std::string text;
  for (const auto* field : {&p.name, &p.headline, &p.current_title}) {
    if (*field) text += **field;
    text += '\n';
  }
  text += profile_key;
  return domain::fold(text);
}

namespace {

const std::string& person_select() {
  static const std::string sql = "SELECT id, network, profile_key, profile_url, " + profile_columns() +
                                 ", first_seen_at, last_seen_at, connected_at, last_withdrawn_at, assessment_score, "
                                 "assessment_level, assessment_reasons, assessed_at, user_verdict, verdict_at "
                                 "FROM people ";
  return sql;
}

person_row read_person(const statement& st) {
  person_row r;
  r.id = st.column_int("id");
  r.latest = read_profile(st);
  r.latest.network = st.column_text("network");
  r.profile_key = st.column_text("profile_key");
  r.latest.profile_url = st.column_text("profile_url");
  r.first_seen_at = st.column_int("first_seen_at");
  r.last_seen_at = st.column_int("last_seen_at");
  r.connected_at = st.column_opt_int("connected_at");
  r.last_withdrawn_at = st.column_opt_int("last_withdrawn_at");
  r.assessment_score = st.column_opt_int("assessment_score");
  r.assessment_level = st.column_opt_text("assessment_level");
  r.assessment_reasons = st.column_opt_text("assessment_reasons");
  r.assessed_at = st.column_opt_int("assessed_at");
  r.user_verdict = st.column_opt_text("user_verdict");
  r.verdict_at = st.column_opt_int("verdict_at");
  return r;
}

// Placeholders ?first … ?(first + count - 1).
std::string placeholders(int first, int count) {
  std::string out;
  for (int i = first; i < first + count; ++i) out += (out.empty() ? "?" : ", ?") + std::to_string(i);
  return out;
}

constexpr int profile_field_count = [] {
  int n = 0;
  domain::for_each_profile_field([&](const char*, auto) { ++n; });
  return n;
}();

}  // namespace

upserted_person people_repository::upsert(const domain::profile_key& key, const domain::profile& p, millis at) {
  upserted_person out;
  // Most events name someone new (a stream of profiles browsed): try the
  // insert first, which is then the only statement.
  constexpr int at_index = 4 + profile_field_count;
  constexpr int search_index = at_index + 1;
  static const std::string insert_sql = "INSERT INTO people(network, profile_key, profile_url, " + profile_columns() +
                                        ", first_seen_at, last_seen_at, search_text) VALUES(?1, ?2, ?3, " +
                                        placeholders(4, profile_field_count) + ", ?" + std::to_string(at_index) +
                                        ", ?" + std::to_string(at_index) + ", ?" + std::to_string(search_index) +
                                        ") ON CONFLICT(network, profile_key) DO NOTHING";
  auto& insert = db_.prepare(insert_sql);
  insert.bind(1, key.network).bind(2, key.key).bind(3, p.profile_url);
  bind_profile(insert, 4, p);
  insert.bind(at_index, at);
  insert.bind(search_index, people_search_text(p, key.key));
  // Not RETURNING: SQLite buffers returned rows in an ephemeral table, a
  // page allocated and zeroed per event. DO NOTHING leaves changes() at 0.
  insert.run();
  const bool inserted = db_.changes() > 0;
  if (inserted) out.id = db_.last_insert_rowid();
  if (inserted) {
    out.merged = p;
    out.merged.network = key.network;
    out.is_new = true;
    // A snapshot of nothing but the URL would hold no observation (an
    // invitation sent from a search result names only the profile link).
    domain::for_each_profile_field([&](const char*, auto member) {
      if (p.*member) out.changed = true;
    });
    return out;
  }

  // Known: merge in C++ so we know what this observation changes. An event
  // replayed from the extension's queue may be older than what we have: it
  // still counts as seen, but does not overwrite newer values.
  static const std::string read_sql = "SELECT id, profile_url, user_verdict, first_seen_at, last_seen_at, connected_at, " +
                                      profile_columns() + " FROM people WHERE network = ?1 AND profile_key = ?2";
  auto& read = db_.prepare(read_sql);
  read.bind(1, key.network).bind(2, key.key);
  if (!read.step()) throw error(errc::storage_error, "person upsert found no row");
  out.id = read.column_int("id");
  std::string old_url = read.column_text("profile_url");
  out.user_verdict = read.column_opt_text("user_verdict");
  const millis first_seen = read.column_int("first_seen_at"), last_seen = read.column_int("last_seen_at");
  out.connected_at = read.column_opt_int("connected_at");
  const domain::profile old = read_profile(read);
  read.reset();

  const bool newer = at >= last_seen;
  bool row_changes = false;
  domain::for_each_profile_field([&](const char*, auto member) {
    const auto& seen = p.*member;
    const auto& had = old.*member;
    if (seen && had != seen) out.changed = true;
    const auto& value = newer ? (seen ? seen : had) : (had ? had : seen);
    if (value != had) row_changes = true;
    out.merged.*member = value;
  });
  out.merged.network = key.network;
  out.merged.profile_url = newer ? p.profile_url : old_url;
  if (out.merged.profile_url != old_url) row_changes = true;

  if (row_changes) {
    constexpr int seen_index = 3 + profile_field_count;
    constexpr int new_search_index = seen_index + 1;
    static const std::string update_sql = "UPDATE people SET profile_url = ?2, " + profile_columns_sql(" = ?", ", ", 3) +
                                          ", first_seen_at = min(first_seen_at, ?" + std::to_string(seen_index) +
                                          "), last_seen_at = max(last_seen_at, ?" + std::to_string(seen_index) +
                                          "), search_text = ?" + std::to_string(new_search_index) + " WHERE id = ?1";
    auto& st = db_.prepare(update_sql);
    st.bind(1, out.id).bind(2, out.merged.profile_url);
    bind_profile(st, 3, out.merged);
    st.bind(seen_index, at);
    st.bind(new_search_index, people_search_text(out.merged, key.key));
    st.run();
  } else if (at > last_seen || at < first_seen) {
    auto& st = db_.prepare(
        "UPDATE people SET first_seen_at = min(first_seen_at, ?2), last_seen_at = max(last_seen_at, ?2) WHERE id = ?1");
    st.bind(1, out.id).bind(2, at);
    st.run();
  }

  // An older observation that differs from the person row is history worth
  // a snapshot, unless it is a replay of one already kept.
  if (out.changed && !newer) {
    static const std::string same_sql = "SELECT 1 FROM snapshots WHERE person_id = ?1 AND seen_at = ?2 AND " +
                                        profile_columns_sql(" IS ?", " AND ", 3) + " LIMIT 1";
    auto& same = db_.prepare(same_sql);
    same.bind(1, out.id).bind(2, at);
    bind_profile(same, 3, p);
    if (same.step()) out.changed = false;
    same.reset();
  }
  return out;
}

void people_repository::set_connected(std::int64_t id, millis at) {
  auto& st = db_.prepare(
      "UPDATE people SET connected_at = ?2 WHERE id = ?1 AND (connected_at IS NULL OR connected_at > ?2)");
  st.bind(1, id).bind(2, at);
  st.run();
}

std::optional<std::int64_t> people_repository::find(const domain::profile_key& key) {
  auto& st = db_.prepare("SELECT id FROM people WHERE network = ?1 AND profile_key = ?2");
  st.bind(1, key.network).bind(2, key.key);
  std::optional<std::int64_t> id;
  if (st.step()) id = st.column_int("id");
  st.reset();
  return id;
}

std::optional<person_row> people_repository::get(std::int64_t id) {
  auto& st = db_.prepare(person_select() + "WHERE id = ?1");
  st.bind(1, id);
  std::optional<person_row> row;
  if (st.step()) row = read_person(st);
  st.reset();
  return row;
}

void people_repository::add_snapshot(std::int64_t person_id, const domain::profile& p, millis at,
                                     std::string_view source) {
  static const std::string sql = "INSERT INTO snapshots(person_id, seen_at, source, " + profile_columns() +
                                ") VALUES(?1, ?2, ?3, " + placeholders(4, profile_field_count) + ")";
  auto& st = db_.prepare(sql);
  st.bind(1, person_id).bind(2, at).bind(3, source);
  bind_profile(st, 4, p);
  st.run();
}

std::vector<snapshot_row> people_repository::snapshots(std::int64_t person_id) {
  static const std::string sql = "SELECT id, seen_at, source, " + profile_columns() +
                                " FROM snapshots WHERE person_id = ?1 ORDER BY seen_at DESC, id DESC";
  auto& st = db_.prepare(sql);
  st.bind(1, person_id);
  std::vector<snapshot_row> out;
  while (st.step())
    out.push_back({st.column_int("id"), st.column_int("seen_at"), st.column_text("source"), read_profile(st)});
  st.reset();
  return out;
}

void people_repository::set_assessment(std::int64_t id, std::int64_t score, std::string_view level,
                                       std::string_view reasons, millis at) {
  auto& st = db_.prepare(
      "UPDATE people SET assessment_score = ?2, assessment_level = ?3, assessment_reasons = ?4, assessed_at = ?5 "
      "WHERE id = ?1");
  st.bind(1, id).bind(2, score).bind(3, level).bind(4, reasons).bind(5, at);
  st.run();
}

void people_repository::set_verdict(std::int64_t id, const std::optional<std::string>& verdict, millis at) {
  auto& st = db_.prepare("UPDATE people SET user_verdict = ?2, verdict_at = ?3 WHERE id = ?1");
  st.bind(1, id).bind(2, verdict);
  if (verdict) st.bind(3, at); else st.bind_null(3);
  st.run();
}

bool people_repository::mark_connected(std::int64_t id, millis at) {
  auto& read = db_.prepare("SELECT connected_at FROM people WHERE id = ?1");
  read.bind(1, id);
  std::optional<millis> before;
  if (read.step()) before = read.column_opt_int("connected_at");
  read.reset();
  if (before && *before <= at) return false;
  auto& st = db_.prepare("UPDATE people SET connected_at = ?2 WHERE id = ?1");
  st.bind(1, id).bind(2, at);
  st.run();
  return !before;
}

void people_repository::set_last_withdrawn(std::int64_t id, millis at) {
  auto& st = db_.prepare(
      "UPDATE people SET last_withdrawn_at = ?2 WHERE id = ?1 AND (last_withdrawn_at IS NULL OR last_withdrawn_at < ?2)");
  st.bind(1, id).bind(2, at);
  st.run();
}

std::int64_t people_repository::forget(std::int64_t id) {
  std::int64_t deleted = 0;
  invitations_repository(db_).forget_person(id);
  // Explicit deletes (not only ON DELETE CASCADE) so the count is exact.
  for (const char* sql : {"DELETE FROM snapshots WHERE person_id = ?1", "DELETE FROM invitations WHERE person_id = ?1",
                          "DELETE FROM verdict_words WHERE person_id = ?1", "DELETE FROM people WHERE id = ?1"}) {
    auto& st = db_.prepare(sql);
    st.bind(1, id);
    st.run();
    deleted += db_.changes();
  }
  return deleted;
}

std::vector<person_row> people_repository::suspicious(std::string_view network, millis since, int limit) {
  auto& st = db_.prepare(person_select() +
                         "WHERE assessment_level IN ('medium', 'high') AND last_seen_at >= ?1 AND network = ?2 "
                         "ORDER BY last_seen_at DESC LIMIT ?3");
  st.bind(1, since).bind(2, network).bind(3, limit);
  std::vector<person_row> out;
  while (st.step()) out.push_back(read_person(st));
  st.reset();
  return out;
}

std::int64_t people_repository::purge_snapshots_before(millis cutoff) {
  auto& st = db_.prepare("DELETE FROM snapshots WHERE seen_at < ?1");
  st.bind(1, cutoff);
  st.run();
  return db_.changes();
}

std::int64_t people_repository::purge_before(millis cutoff) {
  auto& st = db_.prepare(
      "DELETE FROM people WHERE last_seen_at < ?1 AND coalesce(verdict_at, 0) < ?1 "
      "AND coalesce(last_withdrawn_at, 0) < ?1 AND coalesce(connected_at, 0) < ?1 "
      "AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = people.id) "
      "AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.person_id = people.id)");
  st.bind(1, cutoff);
  st.run();
  return db_.changes();
}

}  // namespace vigie::storage
