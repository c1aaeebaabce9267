#pragma once
// Typed settings with documented defaults. Limits are per network and per
// account type ("linkedin.free.daily_limit"), because a Premium account gets
// longer notes and the networks differ; docs/PROTOCOL.md lists every key.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "domain/limits.hpp"

namespace vigie::domain {

// monostate = null (for nullable keys: "unknown" or "no limit").
using setting_value = std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<std::string>>;

enum class setting_kind { integer, ratio, boolean, account_type, string_list };

struct setting_def {
  std::string key;
  setting_kind kind;
  setting_value fallback;
  bool nullable = false;
  std::int64_t min = 0;  // integers only
  std::int64_t max = 1'000'000'000;
  // What the extension's options page needs to show the setting without knowing it in advance
  // (settings.get sends these): empty network / account type when the setting is not per network
  // or per account type; `label` is the message key of its label in extension/_locales.
  std::string unit;
  std::string network;
  std::string account_type;
  std::string label;
};

std::string_view to_string(setting_kind kind) noexcept;

inline constexpr std::string_view networks[] = {"linkedin", "viadeo"};
inline constexpr std::string_view account_types[] = {"free", "premium"};
// The bounds of every ratio setting (validate_setting enforces them, settings.get shows them).
inline constexpr double ratio_min = 0.0;
inline constexpr double ratio_max = 1.0;

// Every key, in documentation order.
const std::vector<setting_def>& setting_defs();
const setting_def* find_setting_def(std::string_view key) noexcept;

// `value` checked and normalised for `key` (an integer given for a ratio
// becomes a double). Throws error(bad_request) naming the key and why.
setting_value validate_setting(std::string_view key, setting_value value);

class settings {
 public:
  // Stored values override the defaults; `set` validates.
  void set(std::string_view key, setting_value value);
  const setting_value& get(std::string_view key) const;
  std::int64_t integer(std::string_view key) const;
  std::optional<std::int64_t> optional_integer(std::string_view key) const;
  double ratio(std::string_view key) const;
  bool boolean(std::string_view key) const;
  const std::string& text(std::string_view key) const;
  const std::vector<std::string>& list(std::string_view key) const;

  std::string account_type(std::string_view network) const;
  limits_config limits(std::string_view network) const;
  std::int64_t pending_expiry_days(std::string_view network) const;

 private:
  std::unordered_map<std::string, setting_value> values_;
};

}  // namespace vigie::domain
