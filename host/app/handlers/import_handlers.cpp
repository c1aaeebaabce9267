// import.files: the network's export the user picked in the dashboard, imported
// by the CLI's own command (one import path: cli/import_command.hpp).
#include "app/handlers/ledger_common.hpp"
#include "app/import_files.hpp"
#include "common/error.hpp"

namespace vigie::app {

namespace {

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
  d.add("import.files", access::read, import_files);
}

}  // namespace vigie::app
