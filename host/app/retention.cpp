#include "app/retention.hpp"

#include <spdlog/spdlog.h>

#include "app/settings_json.hpp"
#include "domain/limits.hpp"
#include "storage/drift_repository.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"
#include "storage/settings_repository.hpp"

namespace vigie::app {

purge_counts purge_older_than(context& ctx, std::int64_t days) {
  const auto cutoff = ctx.clock.now() - days * domain::ms_per_day;
  purge_counts n;
  n.invitations = storage::invitations_repository(ctx.db).purge_decided_before(cutoff);
  n.snapshots = storage::people_repository(ctx.db).purge_snapshots_before(cutoff);
  n.drift_reports = storage::drift_repository(ctx.db).purge_before(cutoff);
  n.people = storage::people_repository(ctx.db).purge_before(cutoff);
  spdlog::info("purged data older than {} days: {} invitations, {} snapshots, {} drift reports, {} people", days,
               n.invitations, n.snapshots, n.drift_reports, n.people);
  return n;
}

purge_counts apply_retention(context& ctx) {
  // One key, read directly: loading every setting would also load the
  // lexicons, a cost the host's start-up should not pay.
  constexpr std::string_view key = "retention_days";
  std::optional<std::int64_t> days;
  for (const auto& [k, text] : storage::settings_repository(ctx.db).load_all()) {
    if (k != key) continue;
    try {
      const auto value = setting_from_json(key, nlohmann::json::parse(text));
      if (const auto* v = std::get_if<std::int64_t>(&value)) days = *v;
    } catch (const std::exception& e) {
      spdlog::warn("stored retention_days is unusable ({}); keeping everything", e.what());
    }
  }
  if (!days || *days < 1) return {};
  storage::transaction tx(ctx.db);
  const auto n = purge_older_than(ctx, *days);
  tx.commit();
  return n;
}

}  // namespace vigie::app
