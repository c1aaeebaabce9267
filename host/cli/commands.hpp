#pragma once
// Every `vigie` subcommand registers itself through one function here.
#include <CLI/CLI.hpp>

#include "common/error.hpp"

namespace vigie::cli {

enum exit_code : int { exit_ok = 0, exit_failure = 1, exit_usage = 2, exit_not_found = 3 };
int exit_code_for(errc code);

void add_all_commands(CLI::App& app);

}  // namespace vigie::cli
