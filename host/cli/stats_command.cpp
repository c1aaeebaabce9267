#include <iostream>

#include "cli/format.hpp"
#include "cli/ledger_commands.hpp"
#include "app/ledger_views.hpp"
#include "cli/session.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

using json = nlohmann::json;

namespace {

void print_stats(const json& s, std::ostream& out) {
  const auto& acc = s["acceptance"];
  out << s.value("network", "") << " (" << s.value("account_type", "") << " account)\n";
  print_table(out, {"", ""},
              {{"sent today (since midnight)", cell(s["today"]) + " / " + cell(s["daily_limit"])},
               {"sent in the last 7 days", cell(s["week"]) + " / " + cell(s["weekly_limit"])},
               {"pending sent", cell(s["pending"])},
               {"pending received", cell(s["received_pending"])},
               {"acceptance, last " + cell(acc["window"]) + " decided",
                percent(acc["rate"]) + " (" + cell(acc["accepted"]) + " of " + cell(acc["decided"]) + ")"}});
  out << "\npending sent invitations by age (days):";
  for (const char* bucket : {"0-7", "8-21", "22-90", "90+"})
    out << "  " << bucket << ": " << cell(s["pending_age"].value(bucket, json(nullptr)));
  out << "\n";

  const auto& candidates = s["withdrawal_candidates"];
  if (!candidates.empty()) {
    out << "\nwithdrawal candidates (pending over 21 days, oldest first):\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : candidates)
      rows.push_back({local_minute(c["sent_at"]).substr(0, 10), cell(c["age_days"]) + " d",
                      shorten(cell(c["name"]), 30), cell(c["profile_url"])});
    print_table(out, {"SENT", "AGE", "NAME", "PROFILE"}, rows);
  }
  const auto& suspicious = s["suspicious"];
  if (!suspicious.empty()) {
    out << "\nsuspicious profiles seen recently:\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : suspicious)
      rows.push_back({cell(p["level"]), cell(p["score"]), shorten(cell(p["name"]), 30), cell(p["profile_url"])});
    print_table(out, {"LEVEL", "SCORE", "NAME", "PROFILE"}, rows);
  }
  if (const auto drift = s["drift"].value("count", 0); drift > 0)
    out << "\npage-structure changes reported by the extension: " << drift
        << " (the extension may be missing things; update Vigie)\n";
}

}  // namespace

void add_stats_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("stats", "Show today's and this week's sends against the limits, acceptance, "
                                          "stale invitations and suspicious profiles");
  auto network = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("--network", *network, "linkedin (default) or viadeo")->check(CLI::IsMember({"linkedin", "viadeo"}));
  cmd->add_flag("--json", *as_json, "print the stats.get result as JSON");
  cmd->callback([network, as_json] {
    session s;
    const auto result = app::stats_view(s.context(), network->empty() ? "linkedin" : *network);
    if (*as_json) std::cout << protocol::dump(result) << "\n";
    else print_stats(result, std::cout);
  });
}

}  // namespace vigie::cli
