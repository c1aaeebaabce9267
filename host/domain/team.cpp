#include "domain/team.hpp"

namespace vigie::domain {

const team_setting* find_team_setting(std::string_view key) noexcept {
  for (const auto& s : team_settings)
    if (s.key == key) return &s;
  return nullptr;
}

std::optional<std::string> team_setting_error(std::string_view key, std::string_view value) {
  const auto* s = find_team_setting(key);
  if (!s) {
    std::string known;
    for (const auto& t : team_settings) known += (known.empty() ? "" : ", ") + std::string(t.key);
    return "no team setting \"" + std::string(key) + "\" (" + known + ")";
  }
  std::string_view accepts = s->accepts;
  while (!accepts.empty()) {
    const auto bar = accepts.find('|');
    if (accepts.substr(0, bar) == value) return std::nullopt;
    if (bar == std::string_view::npos) break;
    accepts.remove_prefix(bar + 1);
  }
  return std::string(key) + " accepts " + std::string(s->accepts) + ", not \"" + std::string(value) + "\"";
}

std::string team_setting_value(const std::vector<std::pair<std::string, std::string>>& stored, std::string_view key) {
  for (const auto& [k, v] : stored)
    if (k == key && !team_setting_error(k, v)) return v;
  const auto* s = find_team_setting(key);
  return s ? std::string(s->default_value) : std::string();
}

team_policy team_policy_of(const std::vector<std::pair<std::string, std::string>>& stored) {
  const auto level = [&](std::string_view key) {
    return verdict_from_string(team_setting_value(stored, key)).value_or(verdict::caution);
  };
  team_policy p;
  p.pending = level("verdict.team_pending");
  p.connected = level("verdict.team_connected");
  p.recent_withdrawal = level("verdict.team_recent_withdrawal");
  p.fake = level("verdict.team_fake");
  return p;
}

}  // namespace vigie::domain
