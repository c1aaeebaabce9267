// forget and purge: the user's right to erase, from the command line.
#include <iostream>

#include "app/ledger_of.hpp"
#include "app/retention.hpp"
#include "cli/format.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/session.hpp"
#include "common/error.hpp"
#include "domain/ledger.hpp"
#include "domain/profile_key.hpp"

namespace vigie::cli {

void add_forget_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("forget", "Erase everything Vigie knows about one person");
  auto url = std::make_shared<std::string>();
  cmd->add_option("PROFILE_URL", *url, "the person's profile URL, e.g. https://www.linkedin.com/in/jane-doe/")
      ->required();
  cmd->callback([url] {
    session s;
    const auto key = domain::canonical_profile_key(*url);
    std::int64_t deleted = 0;
    s.in_one_transaction([&] { deleted = app::ledger_of(s.context()).forget(key); });
    s.erase_traces();
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
    domain::purge_counts n;
    s.in_one_transaction([&] { n = app::ledger_of(s.context()).purge_older_than(*days); });
    app::log_purge(*days, n);
    s.erase_traces();
    std::cout << "purged data older than " << *days << " days: " << n.total() << " rows (" << n.invitations
              << " invitations, " << n.snapshots << " snapshots, " << n.drift_reports << " drift reports, " << n.people
              << " people)\n";
  });
}

}  // namespace vigie::cli
