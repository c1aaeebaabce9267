#include "app/retention.hpp"

#include <spdlog/spdlog.h>

#include "app/ledger_of.hpp"

namespace vigie::app {

void log_purge(std::int64_t days, const domain::purge_counts& n) {
  spdlog::info("purged data older than {} days: {} invitations, {} snapshots, {} drift reports, {} people", days,
               n.invitations, n.snapshots, n.drift_reports, n.people);
}

domain::purge_counts apply_retention(context& ctx) {
  const auto& settings = ctx.settings();
  const auto n = ledger_of(ctx).apply_retention(settings);
  if (n.total() > 0) log_purge(settings.optional_integer("retention_days").value_or(0), n);
  return n;
}

}  // namespace vigie::app
