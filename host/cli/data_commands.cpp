// forget and purge: the user's right to erase, from the command line.
#include <iostream>

#include "cli/format.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/session.hpp"
#include "common/error.hpp"

namespace vigie::cli {

void add_forget_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("forget", "Erase everything Vigie knows about one person");
  auto url = std::make_shared<std::string>();
  cmd->add_option("PROFILE_URL", *url, "the person's profile URL, e.g. https://www.linkedin.com/in/jane-doe/")
      ->required();
  cmd->callback([url] {
    session s;
    const auto result = s.call("person.forget", json{{"profile_url", *url}});
    const auto deleted = result.value("deleted", std::int64_t{0});
    // Nothing erased means we never knew them: say so through the exit code.
    if (deleted == 0) throw error(errc::not_found, "nothing stored about " + *url);
    std::cout << "forgot " << terminal_text(*url) << ": " << deleted << " rows erased\n";
  });
}

void add_purge_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "purge", "Erase decided invitations, snapshots, drift reports and people not seen for DAYS days");
  auto days = std::make_shared<long long>(0);
  cmd->add_option("--older-than", *days, "age in days (at least 1)")->required()->check(CLI::Range(1LL, 100000LL));
  cmd->callback([days] {
    session s;
    const auto r = s.call("data.purge", json{{"older_than_days", *days}});
    std::cout << "purged data older than " << *days << " days: " << r.value("deleted", 0) << " rows ("
              << r.value("invitations", 0) << " invitations, " << r.value("snapshots", 0) << " snapshots, "
              << r.value("drift_reports", 0) << " drift reports, " << r.value("people", 0) << " people)\n";
  });
}

}  // namespace vigie::cli
