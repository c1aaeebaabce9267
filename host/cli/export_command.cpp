#include <ext/stdio_filebuf.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/csv_writer.hpp"
#include "cli/format.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/list_filter.hpp"
#include "cli/session.hpp"
#include "common/error.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

namespace {

struct export_options {
  list_filter filter;
  std::string format = "csv";
  std::string output;
};

// Pages through invitations.list: a reply is capped at 1 MiB, the export is not.
json all_invitations(session& s, const list_filter& filter) {
  json items = json::array();
  json body = filter.to_body();
  body["limit"] = 1000;
  std::int64_t offset = 0;
  for (;;) {
    body["offset"] = offset;
    auto page = s.call("invitations.list", body);
    for (auto& item : page["items"]) items.push_back(std::move(item));
    if (page["next_offset"].is_null()) break;
    offset = page["next_offset"].get<std::int64_t>();
  }
  return items;
}

void write_csv(const json& items, std::ostream& out) {
  csv_writer w(out);
  w.row({"id", "network", "direction", "status", "created_at", "decided_at", "source", "name", "profile_url",
         "headline", "current_title", "risk_level", "risk_score", "verdict", "note"});
  for (const auto& i : items) {
    const auto& p = i["person"];
    w.row({cell(i["id"]), cell(i["network"]), cell(i["direction"]), cell(i["status"]), local_second(i["created_at"]),
           local_second(i["decided_at"]), cell(i["source"]), cell(p["name"]), cell(p["profile_url"]),
           cell(p["headline"]), cell(p["current_title"]), cell(p["level"]), cell(p["score"]), cell(p["verdict"]),
           cell(i["note"])});
  }
}

void write_export(const json& items, const export_options& o, std::ostream& out) {
  if (o.format == "csv") write_csv(items, out);
  else out << protocol::dump(items) << "\n";
}

void run_export(const export_options& o) {
  session s;
  const auto items = all_invitations(s, o.filter);
  if (o.output.empty() || o.output == "-") {
    write_export(items, o, std::cout);
    return;
  }
  // Written beside the target and renamed: an interrupted export never
  // leaves a half file where a good one was. The temporary file is created by
  // mkstemp (O_CREAT|O_EXCL, mode 0600): a symlink or file planted at a
  // predictable name is never followed nor overwritten.
  const std::filesystem::path target(o.output);
  std::string partial = target.string() + ".partial-XXXXXX";
  const int fd = ::mkstemp(partial.data());
  if (fd < 0) throw error(errc::storage_error, "cannot write beside " + target.string() + ": " + std::strerror(errno));
  bool written = false;
  {
    __gnu_cxx::stdio_filebuf<char> buffer(fd, std::ios::out | std::ios::binary);  // closes fd
    std::ostream file(&buffer);
    write_export(items, o, file);
    file.flush();
    written = static_cast<bool>(file) && buffer.close() != nullptr;
  }
  std::error_code ec;
  if (written) std::filesystem::rename(partial, target, ec);
  if (!written || ec) {
    std::filesystem::remove(partial, ec);
    throw error(errc::storage_error, "cannot write " + target.string());
  }
  std::cerr << "exported " << items.size() << " invitations to " << target.string() << "\n";
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "export", "Export every invitation with the person's fields, for a spreadsheet (CSV) or a program (JSON)");
  auto o = std::make_shared<export_options>();
  cmd->add_option("--format", o->format, "csv (UTF-8 with BOM, CRLF; opens in Excel/LibreOffice) or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("-o,--output", o->output, "file to write (default: standard output)");
  o->filter.add_options(cmd);
  cmd->callback([o] { run_export(*o); });
}

}  // namespace vigie::cli
