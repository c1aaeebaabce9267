// drift.report: the extension met a page its extractors could not read (the
// site changed). Kept so `vigie doctor` and stats.get can say so, and logged.
#include <spdlog/spdlog.h>

#include "app/handlers/ledger_common.hpp"
#include "app/input_limits.hpp"
#include "storage/drift_repository.hpp"

namespace vigie::app {

namespace {

json drift_report(const protocol::request& req, context& ctx) {
  const auto at = event_time(req.body, ctx);
  const auto page_kind = required_string(req.body, "page_kind");
  const auto url = required_string(req.body, "url");
  std::string detail;
  if (const auto it = req.body.find("detail"); it != req.body.end() && !it->is_null())
    detail = it->is_string() ? it->get<std::string>() : protocol::dump(*it);
  bounds::check_length("detail", detail, bounds::max_long_text);
  const auto id = storage::drift_repository(ctx.db).add(at, page_kind, url, detail);
  // Counts only: the URL and the detail can name a person (logs keep no personal data).
  spdlog::warn("page drift on a {} page (report {}, detail of {} bytes)", page_kind.substr(0, 64), id, detail.size());
  return json{{"id", id}};
}

}  // namespace

void register_drift_handlers(dispatcher& d) { d.add("drift.report", access::write, drift_report); }

}  // namespace vigie::app
