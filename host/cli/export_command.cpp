#include <ext/stdio_filebuf.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/format.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/list_filter.hpp"
#include "app/export_format.hpp"
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

// The host's one export format (app/export_format.hpp, as invitations.export
// gives it), written a chunk at a time: memory holds one chunk, never the
// whole ledger.
std::int64_t write_export(session& s, const export_options& o, std::ostream& out) {
  const auto format = app::export_format_from(o.format);
  if (!format) throw error(errc::bad_request, "--format must be csv or json");
  auto filter = o.filter.to_filter();
  std::int64_t rows = 0;
  for (;;) {
    const auto chunk = app::export_invitations(s.context().db, filter, *format, std::size_t{1} << 20);
    out << chunk.text;
    rows += chunk.rows;
    if (!chunk.next_offset) break;
    filter.offset = *chunk.next_offset;
  }
  return rows;
}

void run_export(const export_options& o) {
  session s;
  if (o.output.empty() || o.output == "-") {
    write_export(s, o, std::cout);
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
  std::int64_t rows = 0;
  {
    __gnu_cxx::stdio_filebuf<char> buffer(fd, std::ios::out | std::ios::binary);  // closes fd
    std::ostream file(&buffer);
    rows = write_export(s, o, file);
    file.flush();
    written = static_cast<bool>(file) && buffer.close() != nullptr;
  }
  std::error_code ec;
  if (written) std::filesystem::rename(partial, target, ec);
  if (!written || ec) {
    std::filesystem::remove(partial, ec);
    throw error(errc::storage_error, "cannot write " + target.string());
  }
  std::cerr << "exported " << rows << " invitations to " << target.string() << "\n";
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "export", "Export every invitation with the person's fields, for a spreadsheet (CSV) or a program (JSON)");
  auto o = std::make_shared<export_options>();
  cmd->add_option("--format", o->format, "csv (UTF-8 with BOM, CRLF; opens in Excel/LibreOffice) or json (the same columns; times in ISO 8601 with "
                  "the local offset)")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("-o,--output", o->output, "file to write (default: standard output)");
  o->filter.add_options(cmd);
  cmd->callback([o] { run_export(*o); });
}

}  // namespace vigie::cli
