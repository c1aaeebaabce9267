#include <unistd.h>

#include <iostream>

#include "cli/import_archive.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/linkedin_export.hpp"
#include "cli/session.hpp"
#include "common/error.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

namespace {

struct import_options {
  std::string path;
  bool as_json = false;
};

std::optional<std::string> take(std::map<std::string, std::string>& files, std::string_view name) {
  const auto it = files.find(std::string(name));
  if (it == files.end()) return std::nullopt;
  return std::move(it->second);
}

void print_summary(const linkedin_export& data, const json& result, const import_options& o,
                   const std::map<std::string, bool>& present) {
  if (o.as_json) {
    std::cout << protocol::dump(json{{"invitation_rows", data.invitation_rows},
                                     {"invitations_added", result["invitations_added"]},
                                     {"invitations_known", result["invitations_known"]},
                                     {"invitations_matched_by_name", data.invitations_matched_by_name},
                                     {"invitations_skipped_without_url", data.invitations_without_url},
                                     {"connection_rows", data.connection_rows},
                                     {"connections_added", result["connections_added"]},
                                     {"connections_skipped_without_url", data.connections_without_url}})
              << "\n";
    return;
  }
  std::cout << "imported " << o.path << "\n";
  if (present.at(std::string(invitations_file))) {
    std::cout << "  " << invitations_file << ": " << data.invitation_rows << " rows, "
              << result.value("invitations_added", 0) << " added, " << result.value("invitations_known", 0)
              << " already known";
    if (data.invitations_matched_by_name)
      std::cout << ", " << data.invitations_matched_by_name << " keyed by name through Connections.csv";
    if (data.invitations_without_url)
      std::cout << ", " << data.invitations_without_url << " skipped (no profile URL in this older export)";
    std::cout << "\n";
  } else {
    std::cout << "  " << invitations_file << ": not in the export\n";
  }
  if (present.at(std::string(connections_file))) {
    std::cout << "  " << connections_file << ": " << data.connection_rows << " rows, "
              << result.value("connections_added", 0) << " new connections";
    if (data.connections_without_url) std::cout << ", " << data.connections_without_url << " skipped (no URL)";
    std::cout << "\n";
  } else {
    std::cout << "  " << connections_file << ": not in the export\n";
  }
}

void run_import(const import_options& o) {
  // One progress line, rewritten in place, and only for a person watching.
  const bool show_progress = ::isatty(STDERR_FILENO) == 1;
  std::string last_file;
  const progress_fn progress = [&](std::string_view file, std::size_t rows) {
    if (!last_file.empty() && last_file != file) std::cerr << "\n";
    last_file = file;
    std::cerr << "\rreading " << file << ": " << rows << " rows" << std::flush;
  };

  auto files = read_export_files(o.path, {std::string(invitations_file), std::string(connections_file)});
  const std::map<std::string, bool> present = {{std::string(invitations_file), files.count(std::string(invitations_file)) != 0},
                                               {std::string(connections_file), files.count(std::string(connections_file)) != 0}};
  if (files.empty())
    throw error(errc::bad_import, o.path + " holds neither " + std::string(invitations_file) + " nor " +
                                      std::string(connections_file) + ": is it LinkedIn's data export?");
  linkedin_export data;
  try {
    data = parse_linkedin_export(take(files, invitations_file), take(files, connections_file),
                                 show_progress ? progress : progress_fn{});
  } catch (...) {
    if (show_progress && !last_file.empty()) std::cerr << "\n";
    throw;
  }
  if (show_progress && !last_file.empty()) std::cerr << "\n";

  // Everything parsed: one request, one transaction, all or nothing.
  session s;
  const auto result = s.call("import.batch", to_import_batch(data));
  print_summary(data, result, o, present);
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("import", "Import data from a network's own export");
  cmd->require_subcommand(1);
  auto* linkedin = cmd->add_subcommand(
      "linkedin-export",
      "Import Invitations.csv and Connections.csv from LinkedIn's data export (Settings > Data privacy > Get a "
      "copy of your data). Running it again adds nothing new; a malformed file is refused with its line and "
      "nothing is written.");
  auto o = std::make_shared<import_options>();
  linkedin->add_option("PATH", o->path, "the ZIP LinkedIn sent, the folder it was extracted to, or one CSV file")
      ->required();
  linkedin->add_flag("--json", o->as_json, "print the summary as JSON");
  linkedin->callback([o] { run_import(*o); });
}

}  // namespace vigie::cli
