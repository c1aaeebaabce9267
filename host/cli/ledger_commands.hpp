#pragma once
// The commands that read or change the ledger, in-process through
// cli::session: import, forget and purge call the domain ledger, limits the
// settings, stats/list/export the views the host's handlers answer with
// (app/ledger_views.hpp, app/export_format.hpp). None touches SQL or builds a
// request.
#include <CLI/CLI.hpp>

namespace vigie::cli {

void add_stats_command(CLI::App& app);
void add_list_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_import_command(CLI::App& app);
void add_forget_command(CLI::App& app);
void add_purge_command(CLI::App& app);
void add_limits_command(CLI::App& app);

}  // namespace vigie::cli
