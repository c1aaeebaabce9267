#pragma once
// The commands that read or change the ledger, in-process through
// cli::session: forget, purge and limits call the domain ledger and the
// settings directly; the others still go through the host's handlers. None
// touches SQL.
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
