// import.batch: rows from the LinkedIn data export (read by the CLI's
// importer, which calls this in-process). Idempotent: an invitation is known
// by person + direction + created_at, so importing twice adds nothing.
#include "app/handlers/ledger_common.hpp"
#include "app/import_files.hpp"
#include "app/profile_json.hpp"
#include "common/error.hpp"

namespace vigie::app {

namespace {

json import_batch(const protocol::request& req, context& ctx) {
  const auto source = optional_string(req.body, "source").value_or("import");
  if (source != "import" && source != "cli") throw error(errc::bad_request, "\"source\" must be \"import\" or \"cli\"");
  auto ledger = ledger_of(ctx);
  std::int64_t added = 0, known = 0, connections = 0;

  const json empty = json::array();
  const auto* inv_list = req.body.contains("invitations") ? &required_array(req.body, "invitations") : &empty;
  for (const auto& item : *inv_list) {
    const auto direction = domain::direction_from_string(required_string(item, "direction"));
    if (!direction) throw error(errc::bad_request, "\"direction\" must be \"sent\" or \"received\"");
    const auto created_at = optional_time(item, "created_at", ctx);
    if (!created_at) throw error(errc::bad_request, "missing field \"created_at\"");
    const auto status_text = optional_string(item, "status").value_or("pending");
    const auto status = domain::status_from_string(status_text);
    if (!status) throw error(errc::bad_request, "unknown status \"" + status_text + "\"");
    const bool is_new = ledger.import_invitation(profile_from_json(required_field(item, "profile")), *direction, *status,
                                                 optional_string(item, "note").value_or(""), *created_at, source);
    ++(is_new ? added : known);
  }

  const auto* conn_list = req.body.contains("connections") ? &required_array(req.body, "connections") : &empty;
  for (const auto& item : *conn_list) {
    const auto connected_on = optional_time(item, "connected_on", ctx);
    if (!connected_on) throw error(errc::bad_request, "missing field \"connected_on\"");
    if (ledger.import_connection(profile_from_json(required_field(item, "profile")), *connected_on, source)) ++connections;
  }
  return json{{"invitations_added", added}, {"invitations_known", known}, {"connections_added", connections}};
}

// The files the user picked in the dashboard, imported by the CLI's code
// (app/import_files.hpp). Registered as a read: the CLI writes in its own
// transaction, which one of ours would block.
json import_files(const protocol::request& req, context& ctx) {
  if (ctx.db.in_transaction())
    throw error(errc::storage_error, "the ledger is busy with other writes; try the import again");
  std::vector<picked_file> files;
  for (const auto& f : required_array(req.body, "files")) {
    if (!f.is_object()) throw error(errc::bad_request, "each of \"files\" must be {name, data}");
    const auto name = required_string(f, "name");
    const auto& data = f.contains("data") && f["data"].is_string() ? f["data"].get_ref<const std::string&>()
                                                                      : throw error(errc::bad_request, "\"data\" must be base64 text");
    if (data.size() > (max_picked_file_bytes / 3 + 1) * 4)
      throw error(errc::bad_import, name + " is larger than " + std::to_string(max_picked_file_bytes >> 20) + " MiB");
    files.push_back({name, decode_base64(data)});
  }
  // 30,000 rows import in a few seconds; ten minutes means something is wrong.
  return import_picked_files(files, ctx.paths.data_dir, sibling_cli(), std::chrono::seconds(600));
}

}  // namespace

void register_import_handlers(dispatcher& d) {
  d.add("import.batch", access::write, import_batch);
  d.add("import.files", access::read, import_files);
}

}  // namespace vigie::app
