#pragma once
// A team's own settings (docs/TEAM.md, "Team settings"): set by its admin on
// the server (`vigie team set`), copied to each member by the sync. Defined
// here once: the server's defaults, what each accepts, what the check does.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/limits.hpp"

namespace vigie::domain {

struct team_setting {
  std::string_view key;
  std::string_view default_value;
  std::string_view accepts;  // "caution|stop" or "on|off"
  std::string_view help;
};

inline constexpr team_setting team_settings[] = {
    {"verdict.team_pending", "caution", "caution|stop", "a teammate's invitation to the person is pending"},
    {"verdict.team_connected", "caution", "caution|stop", "a teammate is connected with the person"},
    {"verdict.team_recent_withdrawal", "stop", "caution|stop",
     "a teammate withdrew an invitation to the person within the re-invite window"},
    {"verdict.team_fake", "stop", "caution|stop", "a teammate marked the person fake"},
    {"share.names", "off", "on|off", "members share the names of the people they invite, in clear"},
    {"share.notes", "off", "on|off", "members share the notes of their invitations, in clear"},
};

const team_setting* find_team_setting(std::string_view key) noexcept;
// Nothing when `value` is one the setting accepts; otherwise why not.
std::optional<std::string> team_setting_error(std::string_view key, std::string_view value);
// Stored values over the defaults; a value the setting does not accept keeps the default.
std::string team_setting_value(const std::vector<std::pair<std::string, std::string>>& stored, std::string_view key);
team_policy team_policy_of(const std::vector<std::pair<std::string, std::string>>& stored);

}  // namespace vigie::domain
