#include <iostream>

#include "app/settings_json.hpp"
#include "cli/format.hpp"
#include "cli/ledger_commands.hpp"
#include "cli/session.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

using json = nlohmann::json;

namespace {

// "20" is a number, "true" a bool, "null" resets to the default, ["a"] a list;
// anything that is not JSON ("premium") is a string, so nobody has to type quotes.
json parse_value(const std::string& text) {
  auto value = json::parse(text, nullptr, false);
  return value.is_discarded() ? json(text) : value;
}

void print_settings(const json& settings, bool as_json) {
  if (as_json) {
    std::cout << protocol::dump(settings) << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, value] : settings.items())
    rows.push_back({key, value.is_null() ? "(not set)" : value.is_string() ? cell(value) : value.dump()});
  print_table(std::cout, {"SETTING", "VALUE"}, rows);
}

}  // namespace

void add_limits_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("limits", "Show or change the limits and other settings (default: show)");
  auto as_json = std::make_shared<bool>(false);
  auto* show = cmd->add_subcommand("show", "Print every setting with its current value");
  show->add_flag("--json", *as_json, "print the settings as JSON");
  cmd->add_flag("--json", *as_json, "print the settings as JSON");
  auto* set = cmd->add_subcommand("set", "Change one setting, e.g. `vigie limits set linkedin.free.daily_limit 15`");
  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  set->add_option("KEY", *key, "setting name, as listed by `vigie limits show`")->required();
  set->add_option("VALUE", *value, "new value; `null` restores the default")->required();
  cmd->require_subcommand(0, 1);

  const auto run_show = [as_json] {
    session s;
    print_settings(app::settings_json(s.context().settings()), *as_json);
  };
  show->callback(run_show);
  set->callback([key, value] {
    session s;
    s.in_one_transaction([&] { app::store_settings(s.context().db, json{{*key, parse_value(*value)}}); });
    s.context().settings_changed();
    const auto now = app::settings_json(s.context().settings());
    std::cout << *key << " = " << (now.contains(*key) ? (now[*key].is_string() ? cell(now[*key]) : now[*key].dump())
                                                      : std::string("?"))
              << "\n";
  });
  cmd->callback([cmd, run_show] {
    if (cmd->get_subcommands().empty()) run_show();
  });
}

}  // namespace vigie::cli
