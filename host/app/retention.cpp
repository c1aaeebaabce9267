#include "app/retention.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/input_limits.hpp"
#include "app/settings_json.hpp"
#include "common/error.hpp"
#include "domain/limits.hpp"
#include "domain/settings.hpp"
#include "storage/drift_repository.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"
#include "storage/settings_repository.hpp"

namespace vigie::app {

purge_counts purge_older_than(context& ctx, std::int64_t days) {
  // Bounded here too, not only at the door: days * ms_per_day must not overflow.
  if (days < 1 || days > bounds::max_days)
    throw error(errc::bad_request, "days must be between 1 and " + std::to_string(bounds::max_days));
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

namespace {

// The automatic retention never removes what the limits still count: the
// rolling week, the calendar month of notes (35 days cover both) and every
// network's re-invite window; a shorter retention_days is raised to this.
std::int64_t retention_floor_days(storage::database& db) {
  std::int64_t floor = 35;
  const auto& values = current_settings(db).values;
  for (const auto& def : domain::setting_defs()) {
    constexpr std::string_view suffix = ".reinvite_days";
    if (def.key.size() > suffix.size() && def.key.compare(def.key.size() - suffix.size(), suffix.size(), suffix) == 0)
      floor = std::max(floor, values.optional_integer(def.key).value_or(0) + 1);
  }
  return floor;
}

}  // namespace

purge_counts apply_retention(context& ctx) {
  // One key, read directly: loading every setting would also load the
  // lexicons, a cost the host's start-up should not pay when retention is off.
  constexpr std::string_view key = "retention_days";
  std::optional<std::int64_t> days;
  for (const auto& [k, text] : storage::settings_repository(ctx.db).load_all()) {
    if (k != key) continue;
    try {
      // Validated like settings.set (range 1-36,500): a hand-edited value
      // must not overflow the cutoff.
      const auto value = domain::validate_setting(key, setting_from_json(key, nlohmann::json::parse(text)));
      if (const auto* v = std::get_if<std::int64_t>(&value)) days = *v;
    } catch (const std::exception& e) {
      spdlog::warn("stored retention_days is unusable ({}); keeping everything", e.what());
    }
  }
  if (!days) return {};
  const auto floor = retention_floor_days(ctx.db);
  if (*days < floor)
    spdlog::info("retention_days {} raised to {}: the limits still count what is younger", *days, floor);
  storage::transaction tx(ctx.db);
  const auto n = purge_older_than(ctx, std::max(*days, floor));
  tx.commit();
  if (n.total() > 0) ctx.db.erase_traces();
  return n;
}

}  // namespace vigie::app
