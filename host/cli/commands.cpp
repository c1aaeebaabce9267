#include "cli/commands.hpp"

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
  (void)app;
}

}  // namespace vigie::cli
