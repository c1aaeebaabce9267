// vigie: the command-line tool. Each command lives in its own file and adds
// itself to the app; this file only wires them and maps errors to exit codes.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/format.hpp"
#include "common/error.hpp"
#include "common/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Vigie: keeps your LinkedIn and Viadeo invitations on your own machine, flags suspicious\n"
               "profiles and warns before you cross a limit. Data: $VIGIE_HOME, else $XDG_DATA_HOME/vigie.",
               "vigie"};
  app.set_version_flag("--version", std::string("vigie ") + vigie::host_version + " (protocol " +
                                        std::to_string(vigie::protocol_version) + ")");
  app.require_subcommand(0, 1);
  app.footer("Exit codes: 0 ok, 1 error in the data or the database, 2 bad usage, 3 not found.");
  vigie::cli::add_all_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a command's own status (e.g. doctor: 1 = not all green)
  } catch (const CLI::ParseError& e) {
    // CLI11 has its own exit numbers per parse failure; ours are documented:
    // --help/--version are success, any other parse failure is usage (2).
    const int cli11_status = app.exit(e);
    return cli11_status == 0 ? 0 : vigie::cli::exit_usage;
  } catch (const vigie::error& e) {
    // The setup commands a person runs from the installer speak plain words (the exit code carries
    // the kind); the data commands keep the error's code, which scripts and docs/BAD_INPUT.md rely on.
    const bool setup = app.got_subcommand("install") || app.got_subcommand("uninstall") || app.got_subcommand("doctor");
    std::cerr << "vigie: " << vigie::cli::terminal_text(e.what());
    if (!setup) std::cerr << " [" << vigie::to_string(e.code()) << "]";
    std::cerr << "\n";
    return vigie::cli::exit_code_for(e.code());
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << vigie::cli::terminal_text(e.what()) << "\n";
    return 1;
  }
  if (argc == 1) std::cout << app.help();
  return 0;
}
