#include <iostream>

#include "cli/format.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/list_filter.hpp"
#include "app/ledger_views.hpp"
#include "cli/session.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

using json = nlohmann::json;

namespace {

struct list_options {
  list_filter filter;
  int limit = 50;
  int offset = 0;
  bool as_json = false;
};

void print_list(const json& result, const list_options& o, std::ostream& out) {
  const auto& items = result["items"];
  if (items.empty()) {
    out << "no invitations match (" << cell(result["total"]) << " in all)\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& i : items) {
    const auto& p = i["person"];
    rows.push_back({local_minute(i["created_at"]), cell(i["direction"]), cell(i["status"]), cell(i["network"]),
                    shorten(cell(p["name"]), 28), cell(p["level"]), cell(p["profile_url"]),
                    shorten(cell(i["note"]), 40)});
  }
  print_table(out, {"DATE", "DIR", "STATUS", "NETWORK", "NAME", "RISK", "PROFILE", "NOTE"}, rows);
  out << "\n" << o.offset + 1 << "-" << o.offset + static_cast<int>(items.size()) << " of " << cell(result["total"]);
  if (!result["next_offset"].is_null()) out << "; more with --offset " << cell(result["next_offset"]);
  out << "\n";
}

}  // namespace

void add_list_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("list", "List invitations, newest first");
  auto o = std::make_shared<list_options>();
  o->filter.add_options(cmd);
  cmd->add_option("--limit", o->limit, "rows per page (1-1000)")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", o->offset, "rows to skip")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", o->as_json, "print the invitations.list result as JSON");
  cmd->callback([o] {
    session s;
    auto filter = o->filter.to_filter();
    filter.limit = o->limit;
    filter.offset = o->offset;
    const auto result = app::list_view(s.context(), filter);
    if (o->as_json) std::cout << protocol::dump(result) << "\n";
    else print_list(result, *o, std::cout);
  });
}

}  // namespace vigie::cli
