#pragma once
// People and their dated snapshots. The person row holds the latest value of
// each field; a field the last page did not show keeps its previous value.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/profile.hpp"
#include "domain/profile_key.hpp"
#include "storage/database.hpp"

namespace vigie::storage {

using domain::millis;

struct person_row {
  std::int64_t id = 0;
  std::string profile_key;
  domain::profile latest;  // network and profile_url included
  millis first_seen_at = 0;
  millis last_seen_at = 0;
  std::optional<millis> connected_at;
  std::optional<millis> last_withdrawn_at;
  std::optional<std::int64_t> assessment_score;
  std::optional<std::string> assessment_level;    // with the user's verdict applied
  std::optional<std::string> assessment_reasons;  // serialised by the app layer
  std::optional<millis> assessed_at;
  std::optional<std::string> user_verdict;
  std::optional<millis> verdict_at;
};

struct snapshot_row {
  std::int64_t id = 0;
  millis seen_at = 0;
  std::string source;
  domain::profile fields;
};

struct upserted_person {
  std::int64_t id = 0;
  domain::profile merged;  // the person row after the update
  std::optional<std::string> user_verdict;
  std::optional<millis> connected_at;  // before this observation
  bool is_new = false;   // the person was not known
  // A snapshot is worth keeping: the person is new, or an observed value
  // differs from the person row (and, for an observation older than the
  // row, no identical snapshot at that time exists: a replay adds nothing).
  bool changed = false;
};

// The text the invitations list searches a person by (schema v8, kept on the
// row when it is written): name, headline, current title and profile key,
// folded by domain::fold and joined by newlines. Migration v8 computes the
// same for the rows before it (migrations_test checks they agree).
std::string people_search_text(const domain::profile& p, std::string_view profile_key);

class people_repository {
 public:
  explicit people_repository(database& db) : db_(db) {}

  // Inserts or refreshes the person, returning the merged row (what the
  // assessment should look at) and whether the observation changed anything.
  // An observation that only repeats known values moves first/last_seen_at.
  upserted_person upsert(const domain::profile_key& key, const domain::profile& p, millis at);
  std::optional<std::int64_t> find(const domain::profile_key& key);
  std::optional<person_row> get(std::int64_t id);
  void add_snapshot(std::int64_t person_id, const domain::profile& p, millis at, std::string_view source);
  std::vector<snapshot_row> snapshots(std::int64_t person_id);
  void set_assessment(std::int64_t id, std::int64_t score, std::string_view level, std::string_view reasons, millis at);
  void set_verdict(std::int64_t id, const std::optional<std::string>& verdict, millis at);
  // Records the connection (earliest time wins); true when it is new.
  bool mark_connected(std::int64_t id, millis at);
  // Same without reading first: for callers that know connected_at already (upsert).
  void set_connected(std::int64_t id, millis at);
  void set_last_withdrawn(std::int64_t id, millis at);
  // Deletes the person with snapshots and invitations; returns rows deleted.
  std::int64_t forget(std::int64_t id);
  // People with a stored level of medium or high seen since `since`, newest first.
  std::vector<person_row> suspicious(std::string_view network, millis since, int limit);
  std::int64_t purge_snapshots_before(millis cutoff);
  // Old people with nothing left that refers to them (see data.purge).
  std::int64_t purge_before(millis cutoff);

 private:
  database& db_;
};

}  // namespace vigie::storage
