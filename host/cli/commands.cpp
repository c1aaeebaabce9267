#include "cli/commands.hpp"

#include "cli/doctor.hpp"
#include "cli/install.hpp"

#include "cli/assess_command.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/team_command.hpp"

namespace vigie::cli {

int exit_code_for(errc code) {
  switch (code) {
    case errc::bad_request:
    case errc::unknown_type: return exit_usage;
    case errc::not_found: return exit_not_found;
    default: return exit_failure;
  }
}

void add_all_commands(CLI::App& app) {
  add_install_command(app);
  add_uninstall_command(app);
  add_doctor_command(app);
  add_assess_command(app);
  add_stats_command(app);
  add_list_command(app);
  add_export_command(app);
  add_import_command(app);
  add_forget_command(app);
  add_purge_command(app);
  add_limits_command(app);
  add_team_command(app);
}

}  // namespace vigie::cli
