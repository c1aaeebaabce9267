#pragma once
// The profile record of docs/PROTOCOL.md as a plain struct. Every field but
// network and profile_url is optional: an empty optional means "not observed
// on the page", which is different from false / 0.
#include <cstdint>
#include <optional>
#include <string>

namespace vigie::domain {

struct profile {
  std::string network;      // "linkedin" | "viadeo"
  std::string profile_url;  // as seen on the page
  std::optional<std::string> name;
  std::optional<std::string> headline;
  std::optional<bool> has_photo;
  std::optional<std::int64_t> connections;
  std::optional<bool> connections_plus;  // "500+" is 500 with this set
  std::optional<std::int64_t> followers;
  std::optional<std::string> location;
  std::optional<std::string> about;
  std::optional<std::int64_t> experience_count;
  std::optional<std::int64_t> education_count;
  std::optional<std::int64_t> skills_count;
  std::optional<std::string> current_title;
  std::optional<std::string> current_company;
  std::optional<std::int64_t> degree;  // 1, 2, 3
  std::optional<std::string> invitation_message;
  std::optional<std::int64_t> account_age_days;
  std::optional<bool> verified;
};

}  // namespace vigie::domain
