#include "cli/team_sync.hpp"

#include <map>

#include "common/error.hpp"
#include "domain/keyed_hash.hpp"
#include "domain/team.hpp"
#include "storage/team_repository.hpp"

namespace vigie::cli {

namespace {

void pull_settings(storage::database& db, team_server& server) {
  const auto values = server.settings();
  storage::transaction tx(db);
  storage::team_repository team(db);
  for (const auto& [k, v] : values) team.put_setting(k, v);
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
    server.push(member_id, invitations, verdicts, share_names, share_notes);
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
  if (!team.membership()) throw error(errc::not_found, "not in a team: `vigie team join URL` first");
  // A first pull writes its rows in key_hash order of nobody: the index's pages
  // are touched at random, and SQLite's default 2 MiB cache makes that 3x slower.
  db.exec("PRAGMA cache_size = -65536");
  pull_settings(db, server);
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
    team.record_pull(clock.now());
    tx.commit();
  }
  return report;
}

}  // namespace vigie::cli
