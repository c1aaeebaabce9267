#pragma once
// Invitations in both directions. Counting queries lead with network so the
// v3 indexes answer them without touching the table.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::storage {

using domain::millis;

struct invitation_row {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string network;
  std::string direction;  // sent | received
  std::string status = "pending";  // pending | accepted | withdrawn | expired | ignored
  std::string note;
  std::string source = "extension";  // extension | import | cli
  millis created_at = 0;
  std::optional<millis> decided_at;
  millis updated_at = 0;
  bool time_known = true;  // false: created_at is when we first saw it listed
};

struct found_invitation {
  std::int64_t id = 0;
  millis created_at = 0;
};

struct pending_sent {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  millis created_at = 0;
  std::optional<millis> connected_at;  // of the person
};

struct list_filter {
  std::optional<std::string> direction, status, network;
  // Matched inside the name, headline, current title, profile key and note,
  // each folded when written (domain::fold; schema v8). The caller folds it
  // by the same rule (app::prepare_text_search).
  std::optional<std::string> text;
  std::optional<millis> since, until;  // created_at in [since, until)
  // The order of the list: a fixed set of columns (never text from a request
  // in the SQL), ties broken newest first.
  enum class sort_key { created_at, name, status, level };
  sort_key sort = sort_key::created_at;
  bool ascending = false;
  std::int64_t limit = 100;
  std::int64_t offset = 0;
};

// One list item with the person's display fields.
struct listed_invitation {
  invitation_row invitation;
  std::string profile_url;
  std::optional<std::string> name, headline, current_title, level, verdict;
  std::optional<std::int64_t> score;
};

class invitations_repository {
 public:
  explicit invitations_repository(database& db) : db_(db) {}

  std::int64_t insert(const invitation_row& row);  // id, updated_at ignored
  std::optional<std::int64_t> find_at(std::int64_t person_id, std::string_view direction, millis created_at);
  std::optional<std::int64_t> find_pending(std::int64_t person_id, std::string_view direction);
  // find_at, else find_pending, in one statement (created_at tells which).
  std::optional<found_invitation> find_at_or_pending(std::int64_t person_id, std::string_view direction,
                                                     millis created_at);
  // Every pending invitation of the person in `direction` becomes `status`.
  int decide_pending(std::int64_t person_id, std::string_view direction, std::string_view status, millis at);
  void decide(std::int64_t id, std::string_view status, millis at);
  // Takes the person's invitations out of the counters, before they are deleted.
  void forget_person(std::int64_t person_id);

  // For the pre-send check.
  std::int64_t count_sent_from(std::string_view network, millis from);  // created_at >= from
  std::int64_t count_sent_after(std::string_view network, millis after);  // created_at > after
  std::int64_t count_notes_from(std::string_view network, millis from);
  std::int64_t count_status(std::string_view network, std::string_view direction, std::string_view status);
  // Among the `window` most recently decided sent invitations: {decided, accepted}.
  std::pair<std::int64_t, std::int64_t> recent_decisions(std::string_view network, std::int64_t window);

  // For reconciliation and stats.
  std::vector<pending_sent> pending_sent_list(std::string_view network);
  std::int64_t count_pending_between(std::string_view network, millis after, millis up_to);  // (after, up_to]
  std::vector<listed_invitation> oldest_pending(std::string_view network, millis created_up_to, int limit);
  // created_at and status of every sent invitation created since `from`.
  std::vector<std::pair<millis, std::string>> sent_since(std::string_view network, millis from);

  std::vector<invitation_row> for_person(std::int64_t person_id);
  std::pair<std::int64_t, std::vector<listed_invitation>> list(const list_filter& filter);
  std::int64_t purge_decided_before(millis cutoff);

 private:
  // invitation_counts (schema v4) is kept here, not by triggers (v5): every
  // write to invitations goes through this class.
  void count(std::string_view network, std::string_view direction, std::string_view status, std::int64_t delta);
  database& db_;
};

}  // namespace vigie::storage
