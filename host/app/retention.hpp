#pragma once
// Removing old data: on demand (data.purge, `vigie purge`) and, when the user
// set retention_days, every time the host starts. The rules are the domain
// ledger's (purge_older_than, apply_retention); this layer logs what they
// removed, counts only.
#include <cstdint>

#include "app/context.hpp"
#include "domain/ledger.hpp"

namespace vigie::app {

void log_purge(std::int64_t days, const domain::purge_counts& n);

// The ledger's apply_retention with the context's settings, logged.
domain::purge_counts apply_retention(context& ctx);

}  // namespace vigie::app
