#pragma once
// The commands that read or change the ledger. Each calls the host's handlers
// in-process through cli::session; none touches SQL.
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
