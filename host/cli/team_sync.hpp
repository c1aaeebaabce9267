#pragma once
// `vigie team sync`: the outbox to the team's server, the team's changes to
// the local copy (docs/TEAM.md, "Sync"). Exactly once without a distributed
// transaction: a push carries each row's version (the outbox number of its
// latest change) and the server keeps only a newer one, so a push repeated
// after a crash between the server's commit and the local one changes
// nothing; a pull stores the rows and its cursor in one local transaction.
#include <cstdint>
#include <filesystem>
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

// Batch sizes. A pushed batch is one server transaction. A pulled batch is
// one local transaction: 50,000 rows hold SQLite's write lock about a second
// during a first pull (the host waits up to 10 s for it), and write each page
// of the key_hash index once per batch rather than once per 5,000 rows: the
// first pull of 1,000,000 rows took 42 s in batches of 5,000, 22 s in 50,000.
inline constexpr int push_batch = 2000;
inline constexpr int pull_batch = 50000;

// Pushes the whole outbox, then pulls everything newer than the cursors.
// Throws error(team_error) when the server fails; what was done stays done.
sync_report sync_once(storage::database& db, team_server& server, const domain::clock& clock,
                      const sync_progress& progress = {});

// One sync at a time per data folder (the service and one on demand): two
// would pull the same batches and could move a cursor back. Blocks until free.
class sync_lock {
 public:
  explicit sync_lock(const std::filesystem::path& data_dir);
  ~sync_lock();
  sync_lock(const sync_lock&) = delete;
  sync_lock& operator=(const sync_lock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace vigie::cli
