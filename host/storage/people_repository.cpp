#include "storage/people_repository.hpp"

#include "common/error.hpp"
#include "storage/invitations_repository.hpp"

namespace vigie::storage {

namespace {

void bind_profile(statement& st, int first, const domain::profile& p) {
  st.bind(first + 0, p.name).bind(first + 1, p.headline).bind(first + 2, p.has_photo);
  st.bind(first + 3, p.connections).bind(first + 4, p.connections_plus).bind(first + 5, p.followers);
  st.bind(first + 6, p.location).bind(first + 7, p.about).bind(first + 8, p.experience_count);
  st.bind(first + 9, p.education_count).bind(first + 10, p.skills_count).bind(first + 11, p.current_title);
  st.bind(first + 12, p.current_company).bind(first + 13, p.degree).bind(first + 14, p.account_age_days);
  st.bind(first + 15, p.verified).bind(first + 16, p.invitation_message);
}

const std::string person_select = std::string("SELECT id, network, profile_key, profile_url, ") + profile_columns +
                                  ", first_seen_at, last_seen_at, connected_at, last_withdrawn_at, assessment_score, "
                                  "assessment_level, assessment_reasons, assessed_at, user_verdict, verdict_at "
                                  "FROM people ";

person_row read_person(const statement& st) {
  person_row r;
  r.id = st.column_int(0);
  r.latest = read_profile_columns(st, 4);
  r.latest.network = st.column_text(1);
  r.profile_key = st.column_text(2);
  r.latest.profile_url = st.column_text(3);
  r.first_seen_at = st.column_int(21);
  r.last_seen_at = st.column_int(22);
  r.connected_at = st.column_opt_int(23);
  r.last_withdrawn_at = st.column_opt_int(24);
  r.assessment_score = st.column_opt_int(25);
  r.assessment_level = st.column_opt_text(26);
  r.assessment_reasons = st.column_opt_text(27);
  r.assessed_at = st.column_opt_int(28);
  r.user_verdict = st.column_opt_text(29);
  r.verdict_at = st.column_opt_int(30);
  return r;
}

}  // namespace

domain::profile read_profile_columns(const statement& st, int f) {
  domain::profile p;
  p.name = st.column_opt_text(f + 0);
  p.headline = st.column_opt_text(f + 1);
  p.has_photo = st.column_opt_bool(f + 2);
  p.connections = st.column_opt_int(f + 3);
  p.connections_plus = st.column_opt_bool(f + 4);
  p.followers = st.column_opt_int(f + 5);
  p.location = st.column_opt_text(f + 6);
  p.about = st.column_opt_text(f + 7);
  p.experience_count = st.column_opt_int(f + 8);
  p.education_count = st.column_opt_int(f + 9);
  p.skills_count = st.column_opt_int(f + 10);
  p.current_title = st.column_opt_text(f + 11);
  p.current_company = st.column_opt_text(f + 12);
  p.degree = st.column_opt_int(f + 13);
  p.account_age_days = st.column_opt_int(f + 14);
  p.verified = st.column_opt_bool(f + 15);
  p.invitation_message = st.column_opt_text(f + 16);
  return p;
}

namespace {

// The profile fields in column order (profile_columns).
template <typename F>
void for_each_field(F&& f) {
  using domain::profile;
  f(&profile::name);
  f(&profile::headline);
  f(&profile::has_photo);
  f(&profile::connections);
  f(&profile::connections_plus);
  f(&profile::followers);
  f(&profile::location);
  f(&profile::about);
  f(&profile::experience_count);
  f(&profile::education_count);
  f(&profile::skills_count);
  f(&profile::current_title);
  f(&profile::current_company);
  f(&profile::degree);
  f(&profile::account_age_days);
  f(&profile::verified);
  f(&profile::invitation_message);
}

}  // namespace

upserted_person people_repository::upsert(const domain::profile_key& key, const domain::profile& p, millis at) {
  upserted_person out;
  // Most events name someone new (a stream of profiles browsed): try the
  // insert first, which is then the only statement.
  auto& insert = db_.prepare(std::string("INSERT INTO people(network, profile_key, profile_url, ") + profile_columns +
                             ", first_seen_at, last_seen_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                             "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21) "
                             "ON CONFLICT(network, profile_key) DO NOTHING");
  insert.bind(1, key.network).bind(2, key.key).bind(3, p.profile_url);
  bind_profile(insert, 4, p);
  insert.bind(21, at);
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
    for_each_field([&](auto member) {
      if (p.*member) out.changed = true;
    });
    return out;
  }

  // Known: merge in C++ so we know what this observation changes. An event
  // replayed from the extension's queue may be older than what we have: it
  // still counts as seen, but does not overwrite newer values.
  auto& read = db_.prepare(std::string("SELECT id, profile_url, user_verdict, first_seen_at, last_seen_at, "
                                       "connected_at, ") +
                           profile_columns + " FROM people WHERE network = ?1 AND profile_key = ?2");
  read.bind(1, key.network).bind(2, key.key);
  if (!read.step()) throw error(errc::storage_error, "person upsert found no row");
  out.id = read.column_int(0);
  std::string old_url = read.column_text(1);
  out.user_verdict = read.column_opt_text(2);
  const millis first_seen = read.column_int(3), last_seen = read.column_int(4);
  out.connected_at = read.column_opt_int(5);
  const domain::profile old = read_profile_columns(read, 6);
  read.reset();

  const bool newer = at >= last_seen;
  bool row_changes = false;
  for_each_field([&](auto member) {
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
    auto& st = db_.prepare(std::string("UPDATE people SET profile_url = ?2, ") +
                           "name = ?3, headline = ?4, has_photo = ?5, connections = ?6, connections_plus = ?7, "
                           "followers = ?8, location = ?9, about = ?10, experience_count = ?11, education_count = ?12, "
                           "skills_count = ?13, current_title = ?14, current_company = ?15, degree = ?16, "
                           "account_age_days = ?17, verified = ?18, invitation_message = ?19, "
                           "first_seen_at = min(first_seen_at, ?20), last_seen_at = max(last_seen_at, ?20) WHERE id = ?1");
    st.bind(1, out.id).bind(2, out.merged.profile_url);
    bind_profile(st, 3, out.merged);
    st.bind(20, at);
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
    auto& same = db_.prepare(std::string("SELECT 1 FROM snapshots WHERE person_id = ?1 AND seen_at = ?2 AND ") +
                             "name IS ?3 AND headline IS ?4 AND has_photo IS ?5 AND connections IS ?6 AND "
                             "connections_plus IS ?7 AND followers IS ?8 AND location IS ?9 AND about IS ?10 AND "
                             "experience_count IS ?11 AND education_count IS ?12 AND skills_count IS ?13 AND "
                             "current_title IS ?14 AND current_company IS ?15 AND degree IS ?16 AND "
                             "account_age_days IS ?17 AND verified IS ?18 AND invitation_message IS ?19 LIMIT 1");
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
  if (st.step()) id = st.column_int(0);
  st.reset();
  return id;
}

std::optional<person_row> people_repository::get(std::int64_t id) {
  auto& st = db_.prepare(person_select + "WHERE id = ?1");
  st.bind(1, id);
  std::optional<person_row> row;
  if (st.step()) row = read_person(st);
  st.reset();
  return row;
}

void people_repository::add_snapshot(std::int64_t person_id, const domain::profile& p, millis at,
                                     std::string_view source) {
  auto& st = db_.prepare(std::string("INSERT INTO snapshots(person_id, seen_at, source, ") + profile_columns +
                         ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
                         "?19, ?20)");
  st.bind(1, person_id).bind(2, at).bind(3, source);
  bind_profile(st, 4, p);
  st.run();
}

std::vector<snapshot_row> people_repository::snapshots(std::int64_t person_id) {
  auto& st = db_.prepare(std::string("SELECT id, seen_at, source, ") + profile_columns +
                         " FROM snapshots WHERE person_id = ?1 ORDER BY seen_at DESC, id DESC");
  st.bind(1, person_id);
  std::vector<snapshot_row> out;
  while (st.step()) out.push_back({st.column_int(0), st.column_int(1), st.column_text(2), read_profile_columns(st, 3)});
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
  if (read.step()) before = read.column_opt_int(0);
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
  auto& st = db_.prepare(person_select +
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
