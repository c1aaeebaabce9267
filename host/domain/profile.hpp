#pragma once
// The profile record of docs/PROTOCOL.md as a plain struct. Every field but
// network and profile_url is optional: an empty optional means "not observed
// on the page", which is different from false / 0.
#include <cstdint>
#include <optional>
#include <string>

// The optional fields, once: X(type, name). The struct below, the JSON
// mapping (app/profile_json.cpp) and the people and snapshots columns
// (storage/people_repository.cpp, whose columns bear these names) are all
// made from this list, so a new field is one line here (and a migration).
// The order is the columns' order.
#define VIGIE_PROFILE_FIELDS(X)                                   \
  X(std::string, name)                                            \
  X(std::string, headline)                                        \
  X(bool, has_photo)                                              \
  X(std::int64_t, connections)                                    \
  X(bool, connections_plus) /* "500+" is 500 with this set */     \
  X(std::int64_t, followers)                                      \
  X(std::string, location)                                        \
  X(std::string, about)                                           \
  X(std::int64_t, experience_count)                               \
  X(std::int64_t, education_count)                                \
  X(std::int64_t, skills_count)                                   \
  X(std::string, current_title)                                   \
  X(std::string, current_company)                                 \
  X(std::int64_t, degree) /* 1, 2, 3 */                           \
  X(std::int64_t, account_age_days)                               \
  X(bool, verified)                                               \
  X(std::string, invitation_message)

namespace vigie::domain {

struct profile {
  std::string network;      // "linkedin" | "viadeo"
  std::string profile_url;  // as seen on the page
#define VIGIE_PROFILE_MEMBER(type, field) std::optional<type> field;
  VIGIE_PROFILE_FIELDS(VIGIE_PROFILE_MEMBER)
#undef VIGIE_PROFILE_MEMBER
};

// Calls f(name, pointer to member) for each optional field, in column order.
template <typename F>
constexpr void for_each_profile_field(F&& f) {
#define VIGIE_PROFILE_VISIT(type, field) f(#field, &profile::field);
  VIGIE_PROFILE_FIELDS(VIGIE_PROFILE_VISIT)
#undef VIGIE_PROFILE_VISIT
}

}  // namespace vigie::domain
