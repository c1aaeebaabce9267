#pragma once
// `vigie team sync`: the outbox to the team's server, the team's changes to
// the local copy (docs/TEAM.md, "Sync"). Exactly once without a distributed
// transaction: a push carries each row's version (the outbox number of its
// latest change) and the server keeps only a newer one, so a push repeated
// after a crash between the server's commit and the local one changes
// nothing; a pull stores the rows and its cursor in one local transaction.
#include <cstdint>
#include <functional>
#include <string>

#include "cli/team_server.hpp"
#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::cli {

struct sync_report {
  std::int64_t pushed = 0;  // outbox entries sent
  std::int64_t pulled_invitations = 0, pulled_verdicts = 0, pulled_members = 0;
  std::int64_t pulled() const { return pulled_invitations + pulled_verdicts + pulled_members; }
};

// Called after each batch with what was done so far (progress on a long pull).
using sync_progress = std::function<void(const sync_report&)>;

// Batch sizes: small enough that a local write lock is short (the host may
// be waiting to record a send), large enough for 100,000 rows a second.
inline constexpr int push_batch = 2000;
inline constexpr int pull_batch = 5000;

// Pushes the whole outbox, then pulls everything newer than the cursors.
// Throws error(team_error) when the server fails; what was done stays done.
sync_report sync_once(storage::database& db, team_server& server, const domain::clock& clock,
                      const sync_progress& progress = {});

}  // namespace vigie::cli
