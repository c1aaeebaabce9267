#pragma once
// Removing old data: on demand (data.purge, `vigie purge`) and, when the user
// set retention_days, every time the host starts.
#include <cstdint>

#include "app/context.hpp"

namespace vigie::app {

struct purge_counts {
  std::int64_t invitations = 0, snapshots = 0, drift_reports = 0, people = 0;
  std::int64_t total() const { return invitations + snapshots + drift_reports + people; }
};

// Decided invitations, snapshots and drift reports older than `days`, then
// the people nothing refers to any more. Pending invitations stay whatever
// their age: the limits count them. Runs in the caller's transaction.
purge_counts purge_older_than(context& ctx, std::int64_t days);

// Applies the retention_days setting in its own transaction; does nothing
// (and reads nothing but that one setting) when it is not set. Never goes
// below 35 days nor below a network's re-invite window: the limits still
// count what is younger. Returns what was removed.
purge_counts apply_retention(context& ctx);

}  // namespace vigie::app
