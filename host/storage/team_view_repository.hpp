#pragma once
// What the dashboard's team section reads (team.view, docs/PROTOCOL.md) from
// the local copy of the team's data (schema v9): rows and counts only; the
// rules (what is decided, a rate, a local day) are the domain's, the JSON the
// handler's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::storage {

// A member as the team knows them.
struct team_member_entry {
  std::string member_id, display_name;
  bool show_figures = true;
};

// How many of one member's sent invitations are in one status.
struct team_status_count {
  std::string member_id, status;
  std::int64_t count = 0;
};

// A person (key hash) two or more members sent an invitation to.
struct team_overlap {
  std::string key_hash;
  std::optional<std::string> name;  // as shared in clear, when the team shares names
  std::vector<std::string> member_ids;  // by their first invitation to the person
  domain::millis last_at = 0;
};

class team_view_repository {
 public:
  explicit team_view_repository(database& db) : db_(db) {}

  std::vector<team_member_entry> members();
  // Times of every member's sent invitations created at or after `since`.
  std::vector<domain::millis> sent_since(domain::millis since);
  std::vector<team_status_count> sent_by_status();
  // Most recent contact first, at most `limit`.
  std::vector<team_overlap> overlaps(int limit);
  // The name of the user's own person whose team hash is `key_hash`
  // (team_people, kept by the sync), when known.
  std::optional<std::string> own_name(const std::string& key_hash);

 private:
  database& db_;
};

}  // namespace vigie::storage
