#include "cli/team_sync.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <map>

#include "common/error.hpp"
#include "domain/keyed_hash.hpp"
#include "domain/team.hpp"
#include "storage/team_repository.hpp"

namespace vigie::cli {

namespace {

// The team's settings, replacing the copy. When what is shared in clear
// changed, every row is pushed again: turned on, the names go out; turned
// off, they are taken back from the server (and from the copies at their
// next pull).
void pull_settings(storage::database& db, team_server& server, const std::string& member_id) {
  const auto values = server.settings();
  storage::transaction tx(db);
  storage::team_repository team(db);
  const auto membership = team.membership();
  if (!membership || membership->member_id != member_id) return;  // left meanwhile
  const auto before = team.settings();
  const auto shared = [](const auto& settings) {
    return domain::team_setting_value(settings, "share.names") + domain::team_setting_value(settings, "share.notes");
  };
  team.replace_settings(values);
  if (shared(before) != shared(values)) team.requeue_all();
  tx.commit();
}

// A server restored from a backup, or an asynchronous standby promoted, can
// be behind what this member pulled and pushed: its change numbers would be
// issued again under the cursors. Then the copy is pulled again from the
// start and everything of the member's pushed again (versions make it safe).
void check_server_continuity(storage::database& db, team_server& server) {
  const auto last = server.last_change();
  storage::transaction tx(db);
  storage::team_repository team(db);
  const auto m = team.membership();
  if (!m) return;
  if (std::max({m->invitations_cursor, m->verdicts_cursor, m->members_cursor}) <= last) return;
  team.reset_copy();
  team.requeue_all();
  tx.commit();
}

void push_outbox(storage::database& db, team_server& server, const domain::clock& clock, sync_report& report,
                 const sync_progress& progress) {
  storage::team_repository team(db);
  for (;;) {
    std::vector<pushed_invitation> invitations;
    std::vector<pushed_verdict> verdicts;
    std::int64_t up_to = 0;
    std::size_t entries = 0;
    std::string member_id;
    bool share_names = false, share_notes = false;
    {
      // One read transaction: the states read agree with the outbox read.
      storage::transaction tx(db);
      const auto membership = team.membership();
      if (!membership) return;  // left meanwhile
      member_id = membership->member_id;
      const auto settings = team.settings();
      share_names = domain::team_setting_value(settings, "share.names") == "on";
      share_notes = domain::team_setting_value(settings, "share.notes") == "on";
      const auto batch = team.outbox(push_batch);
      if (batch.empty()) return;
      entries = batch.size();
      up_to = batch.back().seq;
      // A row changed several times in the batch goes once, at its latest version.
      std::map<std::int64_t, std::int64_t> inv_versions, verdict_versions;
      for (const auto& e : batch) (e.kind == "invitation" ? inv_versions : verdict_versions)[e.ref] = e.seq;
      for (const auto& [ref, version] : inv_versions) {
        pushed_invitation p{ref, version, team.shareable_invitation_of(ref), {}};
        if (p.state) p.key_hash = domain::team_person_hash(membership->secret, p.state->network, p.state->profile_key);
        invitations.push_back(std::move(p));
      }
      for (const auto& [ref, version] : verdict_versions) {
        pushed_verdict p{ref, version, team.shareable_verdict_of(ref), {}};
        if (p.state) p.key_hash = domain::team_person_hash(membership->secret, p.state->network, p.state->profile_key);
        verdicts.push_back(std::move(p));
      }
    }
    try {
      server.push(member_id, invitations, verdicts, share_names, share_notes);
    } catch (const error&) {
      if (!server.refused_data()) throw;
      // One row the server refuses must not hold back every later one: row by
      // row, and a row refused alone is shared as erased (the team learns
      // nothing of it rather than the member nothing of the team).
      for (auto& i : invitations) {
        try {
          server.push(member_id, {i}, {}, share_names, share_notes);
        } catch (const error&) {
          if (!server.refused_data()) throw;
          i.state.reset();
          server.push(member_id, {i}, {}, false, false);
        }
      }
      for (auto& v : verdicts) {
        try {
          server.push(member_id, {}, {v}, false, false);
        } catch (const error&) {
          if (!server.refused_data()) throw;
          v.state.reset();
          server.push(member_id, {}, {v}, false, false);
        }
      }
    }
    {
      // Killed before this commit: the next push repeats the batch, and the
      // server keeps its rows (same versions).
      storage::transaction tx(db);
      team.drop_outbox(up_to);
      team.record_push(clock.now());
      tx.commit();
    }
    report.pushed += static_cast<std::int64_t>(entries);
    if (progress) progress(report);
  }
}

template <typename Fetch, typename Count>
void pull_table(storage::database& db, Fetch fetch, Count count, std::int64_t storage::team_membership_row::*cursor,
                sync_report& report, const sync_progress& progress) {
  storage::team_repository team(db);
  for (;;) {
    const auto membership = team.membership();
    if (!membership) return;
    auto batch = fetch((*membership).*cursor);
    if (batch.rows.empty()) return;
    storage::transaction tx(db);
    const auto current = team.membership();
    if (!current || current->member_id != membership->member_id) return;  // left meanwhile: nothing written
    // Another sync moved the cursor meanwhile (two processes, a reset): this
    // batch may be stale, and applying it could move the cursor back.
    if ((*current).*cursor != (*membership).*cursor) continue;
    for (const auto& [seq, row] : batch.rows) team.apply(row);
    auto c = *current;
    c.*cursor = batch.rows.back().first;
    team.set_cursors(c.invitations_cursor, c.verdicts_cursor, c.members_cursor);
    tx.commit();
    count(report) += static_cast<std::int64_t>(batch.rows.size());
    if (progress) progress(report);
    if (batch.rows.size() < static_cast<std::size_t>(pull_batch)) return;
  }
}

}  // namespace

sync_report sync_once(storage::database& db, team_server& server, const domain::clock& clock,
                      const sync_progress& progress) {
  sync_report report;
  storage::team_repository team(db);
  const auto membership = team.membership();
  if (!membership) throw error(errc::not_found, "not in a team: `vigie team join URL` first");
  if (server.schema_version() > latest_server_schema_version())
    throw error(errc::team_error, "the team's server is newer than this Vigie: upgrade Vigie to sync");
  // A first pull writes its rows in key_hash order of nobody: the index's pages
  // are touched at random, and SQLite's default 2 MiB cache makes that 3x slower.
  db.exec("PRAGMA cache_size = -65536");
  pull_settings(db, server, membership->member_id);
  check_server_continuity(db, server);
  push_outbox(db, server, clock, report, progress);
  // Members first: a name is known before the rows that show it.
  pull_table(
      db, [&](std::int64_t after) { return server.pull_members(after, pull_batch); },
      [](sync_report& r) -> std::int64_t& { return r.pulled_members; }, &storage::team_membership_row::members_cursor,
      report, progress);
  pull_table(
      db, [&](std::int64_t after) { return server.pull_invitations(after, pull_batch); },
      [](sync_report& r) -> std::int64_t& { return r.pulled_invitations; },
      &storage::team_membership_row::invitations_cursor, report, progress);
  pull_table(
      db, [&](std::int64_t after) { return server.pull_verdicts(after, pull_batch); },
      [](sync_report& r) -> std::int64_t& { return r.pulled_verdicts; },
      &storage::team_membership_row::verdicts_cursor, report, progress);
  {
    storage::transaction tx(db);
    // The people seen since the last sync get their team hash (team_people), for the team view's names.
    if (const auto m = team.membership(); m && m->member_id == membership->member_id)
      team.hash_new_people([&](const std::string& network, const std::string& key) {
        return domain::team_person_hash(m->secret, network, key);
      });
    team.record_pull(clock.now());
    tx.commit();
  }
  return report;
}

sync_lock::sync_lock(const std::filesystem::path& data_dir) {
  const auto path = (data_dir / "team-sync.lock").string();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw error(errc::storage_error, "cannot open " + path);
  if (::flock(fd_, LOCK_EX) != 0) {
    ::close(fd_);
    throw error(errc::storage_error, "cannot lock " + path);
  }
}

sync_lock::~sync_lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace vigie::cli
