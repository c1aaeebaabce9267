#include <unistd.h>

#include <iostream>

#include "cli/import_archive.hpp"
#include "cli/import_command.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/linkedin_export.hpp"
#include "cli/session.hpp"
#include "app/input_limits.hpp"
#include "app/ledger_of.hpp"
#include "common/error.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

using json = nlohmann::json;

namespace {

struct import_options {
  std::string path;
  bool as_json = false;
};

void print_summary(const export_counts& data, const import_totals& result, const import_options& o,
                   const std::map<std::string, bool>& present) {
  if (o.as_json) {
    std::cout << protocol::dump(json{{"invitation_rows", data.invitation_rows},
                                     {"invitations_added", result.invitations_added},
                                     {"invitations_known", result.invitations_known},
                                     {"invitations_matched_by_name", data.invitations_matched_by_name},
                                     {"invitations_skipped_without_url", data.invitations_without_url},
                                     {"connection_rows", data.connection_rows},
                                     {"connections_added", result.connections_added},
                                     {"connections_skipped_without_url", data.connections_without_url}})
              << "\n";
    return;
  }
  std::cout << "imported " << o.path << "\n";
  if (present.at(std::string(invitations_file))) {
    std::cout << "  " << invitations_file << ": " << data.invitation_rows << " rows, "
              << result.invitations_added << " added, " << result.invitations_known
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
              << result.connections_added << " new connections";
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

  const export_files files(o.path, {std::string(invitations_file), std::string(connections_file)});
  const std::map<std::string, bool> present = {{std::string(invitations_file), files.has(std::string(invitations_file))},
                                               {std::string(connections_file), files.has(std::string(connections_file))}};
  if (files.empty())
    throw error(errc::bad_import, o.path + " holds neither " + std::string(invitations_file) + " nor " +
                                      std::string(connections_file) + ": is it LinkedIn's data export?");
  const auto source = [&](std::string_view name) -> std::optional<byte_source> {
    if (!files.has(std::string(name))) return std::nullopt;
    return byte_source([&files, name](const byte_sink& sink) { files.read(std::string(name), sink); });
  };

  session s;
  export_counts data;
  import_totals result;
  try {
    data = import_linkedin_export(s, source(invitations_file), source(connections_file), result,
                                  show_progress ? progress : progress_fn{});
  } catch (...) {
    if (show_progress && !last_file.empty()) std::cerr << "\n";
    throw;
  }
  if (show_progress && !last_file.empty()) std::cerr << "\n";
  print_summary(data, result, o, present);
}

}  // namespace

export_counts import_linkedin_export(session& s, const std::optional<byte_source>& invitations_csv,
                                     const std::optional<byte_source>& connections_csv, import_totals& totals,
                                     const progress_fn& progress) {
  const auto latest = s.clock().now() + app::bounds::future_slack;
  const auto check_not_future = [&](std::string_view file, std::size_t line, domain::millis at) {
    if (at > latest)
      throw error(errc::bad_import, std::string(file) + " line " + std::to_string(line) +
                                        ": a date more than one day after this computer's clock");
  };
  export_counts counts;
  import_totals added;
  // Batches go to the ledger as they are read, all in one transaction: memory
  // holds one batch, and a file refused halfway (a bad line, a size over the
  // cap) leaves the ledger as it was.
  s.in_one_transaction([&] {
    auto ledger = app::ledger_of(s.context());
    counts = read_linkedin_export(invitations_csv, connections_csv, [&](const import_batch& batch) {
      for (const auto& inv : batch.invitations) {
        check_not_future(invitations_file, inv.line, inv.at);
        // LinkedIn's export lists invitations still pending: decided ones leave it.
        const bool is_new = ledger.import_invitation(profile_of(inv), inv.direction, domain::invitation_status::pending,
                                                     inv.note, inv.at, "import");
        ++(is_new ? added.invitations_added : added.invitations_known);
      }
      for (const auto& c : batch.connections) {
        check_not_future(connections_file, c.line, c.connected_at);
        if (ledger.import_connection(profile_of(c), c.connected_at, "import")) ++added.connections_added;
      }
    }, progress);
  });
  totals = added;  // only once committed
  return counts;
}

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
