// stats.get, invitations.list and invitations.export: the request read into
// the typed arguments of app/ledger_views.hpp and app/export_format.hpp.
#include "app/export_format.hpp"
#include "app/handlers/ledger_common.hpp"
#include "app/input_limits.hpp"
#include "app/ledger_views.hpp"
#include "common/error.hpp"
#include "protocol/frame_codec.hpp"

namespace vigie::app {

namespace {

std::optional<std::string> one_of(const json& body, const char* field, std::initializer_list<const char*> allowed) {
  auto v = optional_string(body, field);
  if (!v) return v;
  for (const auto* a : allowed)
    if (*v == a) return v;
  throw error(errc::bad_request, std::string("\"") + field + "\" has an unknown value \"" + *v + "\"");
}

// The filters invitations.list and invitations.export share.
storage::list_filter read_filter(const json& body) {
  storage::list_filter f;
  f.direction = one_of(body, "direction", {"sent", "received"});
  f.status = one_of(body, "status", {"pending", "accepted", "withdrawn", "expired", "ignored"});
  f.network = one_of(body, "network", {"linkedin", "viadeo"});
  f.since = optional_integer(body, "since", 0, bounds::latest_filter_time);
  f.until = optional_integer(body, "until", 0, bounds::latest_filter_time);
  f.text = optional_string(body, "text");
  prepare_text_search(f);
  f.offset = optional_integer(body, "offset", 0, bounds::max_offset).value_or(0);
  return f;
}

json invitations_export(const protocol::request& req, context& ctx) {
  const auto name = required_string(req.body, "format");
  const auto format = export_format_from(name);
  if (!format) throw error(errc::bad_request, "\"format\" must be csv or json");
  const auto chunk = export_invitations(ctx.db, read_filter(req.body), *format,
                                        protocol::max_outbound_bytes - 64 * 1024);
  return json{{"text", chunk.text},
              {"rows", chunk.rows},
              {"total", chunk.total},
              {"next_offset", chunk.next_offset ? json(*chunk.next_offset) : json(nullptr)}};
}

json invitations_list(const protocol::request& req, context& ctx) {
  auto f = read_filter(req.body);
  using key = storage::list_filter::sort_key;
  if (const auto sort = one_of(req.body, "sort", {"created_at", "name", "status", "level"}))
    f.sort = *sort == "name" ? key::name : *sort == "status" ? key::status : *sort == "level" ? key::level : key::created_at;
  if (const auto order = one_of(req.body, "order", {"asc", "desc"})) f.ascending = *order == "asc";
  f.limit = optional_integer(req.body, "limit").value_or(100);
  return list_view(ctx, f);
}

json stats_get(const protocol::request& req, context& ctx) {
  return stats_view(ctx, optional_string(req.body, "network").value_or("linkedin"));
}

}  // namespace

void register_query_handlers(dispatcher& d) {
  d.add("stats.get", access::read, stats_get);
  d.add("invitations.list", access::read, invitations_list);
  d.add("invitations.export", access::read, invitations_export);
}

}  // namespace vigie::app
