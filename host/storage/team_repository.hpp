#pragma once
// The local side of a team (schema v9, docs/TEAM.md): the membership row, the
// outbox the ledger's triggers fill, and the local copy of the team's data
// that the pre-send check and the team view read. No JSON, no network: the
// sync process (cli/team_sync) moves rows between this and the server.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/clock.hpp"
#include "storage/database.hpp"

namespace vigie::storage {

struct team_membership_row {
  std::string conninfo;  // the server, without a password
  std::string member_id;
  std::string display_name;
  std::string secret;  // 64 hex digits
  bool show_figures = true;
  domain::millis joined_at = 0;
  std::int64_t invitations_cursor = 0, verdicts_cursor = 0, members_cursor = 0;
  std::optional<domain::millis> last_push_at, last_pull_at;
  std::optional<std::string> last_error;
};

struct outbox_entry {
  std::int64_t seq = 0;
  std::string kind;  // "invitation" | "verdict"
  std::int64_t ref = 0;
};

// The state of one local invitation as the team sees it; nullopt: erased.
struct shareable_invitation {
  std::string network, profile_key, direction, status;
  domain::millis created_at = 0;
  std::optional<domain::millis> decided_at;
  std::optional<std::string> name, note;
};
struct shareable_verdict {
  std::string network, profile_key, verdict;
  domain::millis at = 0;
};

// One row of the team's data as pulled from the server.
struct team_invitation_row {
  std::string member_id;
  std::int64_t local_id = 0;
  bool erased = false;  // the member erased it: drop the local copy
  std::string key_hash, network, direction, status;
  domain::millis created_at = 0;
  std::optional<domain::millis> decided_at;
  std::optional<std::string> name;
};
struct team_verdict_row {
  std::string member_id;
  std::int64_t person_ref = 0;
  bool erased = false;
  std::string key_hash, verdict;
  domain::millis at = 0;
};
struct team_member_row {
  std::string member_id, display_name;
  bool show_figures = true;
  bool left = false;  // left the team: everything they shared goes
};

// What teammates (not the user) did with one person.
struct team_person_facts {
  struct fact {
    std::string member;
    domain::millis at = 0;
  };
  std::optional<fact> pending, connected, withdrawn, fake;
};

class team_repository {
 public:
  explicit team_repository(database& db) : db_(db) {}

  std::optional<team_membership_row> membership();
  // Joins: the membership row, and every invitation and verdict already in
  // the ledger queued for the first push.
  void join(const team_membership_row& row);
  // Leaves: membership, outbox and the local copy of the team's data go.
  void leave();
  void set_cursors(std::int64_t invitations, std::int64_t verdicts, std::int64_t members);
  void set_show_figures(bool show);
  void record_push(domain::millis at);
  void record_pull(domain::millis at);
  void record_error(std::string_view message);

  std::int64_t outbox_size();
  std::vector<outbox_entry> outbox(int limit);
  // Drops the pushed entries (seq ≤ up_to).
  void drop_outbox(std::int64_t up_to);
  std::optional<shareable_invitation> shareable_invitation_of(std::int64_t id);
  std::optional<shareable_verdict> shareable_verdict_of(std::int64_t person_id);

  void apply(const team_invitation_row& row);
  void apply(const team_verdict_row& row);
  void apply(const team_member_row& row);
  void put_setting(std::string_view key, std::string_view value);
  // The team's settings as the server has them now (keys it dropped go too).
  void replace_settings(const std::vector<std::pair<std::string, std::string>>& values);
  // Queues every invitation and verdict of the ledger again (joining; the
  // server lost them; the team changed what is shared in clear).
  void requeue_all();
  // Forgets the copy of the team's data and its cursors: the next pull is a full one.
  void reset_copy();
  // The people the user saw since the last call, each with `hash(network, key)`
  // stored in team_people (a person's key never changes; a forgotten one's row
  // goes with them). How many were added.
  std::int64_t hash_new_people(const std::function<std::string(const std::string&, const std::string&)>& hash);
  std::vector<std::pair<std::string, std::string>> settings();

  team_person_facts facts(std::string_view key_hash, std::string_view own_member_id);
  std::int64_t team_rows();

 private:
  database& db_;
};

}  // namespace vigie::storage
