#pragma once
#include <CLI/CLI.hpp>

namespace vigie::cli {

// `vigie team …` (docs/TEAM.md): the only part of Vigie that opens a socket,
// and only for a user who joined a team.
void add_team_command(CLI::App& app);

}  // namespace vigie::cli
