#pragma once
// The ledger: what the extension reports as the user browses (profiles seen,
// invitations sent, received, withdrawn, answered, connections, the sent
// list) becomes people and invitations, by the rules in this one place. The
// handlers translate JSON to these typed calls and back; the CLI calls them
// directly. Storage is the repositories'; the ledger never sees JSON.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/assessment.hpp"
#include "domain/clock.hpp"
#include "domain/profile.hpp"
#include "domain/profile_key.hpp"
#include "domain/settings.hpp"
#include "storage/database.hpp"

namespace vigie::domain {

enum class direction { sent, received };
enum class invitation_status { pending, accepted, withdrawn, expired, ignored };

// The words of docs/PROTOCOL.md and of the invitations table.
std::string_view to_string(direction d) noexcept;
std::string_view to_string(invitation_status s) noexcept;
std::optional<direction> direction_from_string(std::string_view text) noexcept;
std::optional<invitation_status> status_from_string(std::string_view text) noexcept;
// The statuses a received invitation can be answered with: accepted, ignored.
std::optional<invitation_status> answer_from_string(std::string_view text) noexcept;
// A sent invitation is decided once accepted, withdrawn or expired: what an
// acceptance rate divides by (docs/PROTOCOL.md, "The numbers a user sees").
constexpr bool is_decided(invitation_status s) noexcept {
  return s == invitation_status::accepted || s == invitation_status::withdrawn || s == invitation_status::expired;
}

struct observed_person {
  std::int64_t id = 0;
  profile_key key;
  profile observed;  // the record as received
  profile merged;    // the person row after this observation
  vigie::domain::assessment assessment;
  std::optional<std::string> user_verdict;
  bool is_new = false;   // first observation of this person: no invitation can refer to them yet
  bool changed = false;  // worth a snapshot (see people_repository::upsert)
  std::optional<millis> connected_before;  // connected_at before this observation
};

enum class assess_mode { assess, skip };

struct sent_result {
  std::int64_t invitation_id = 0;
  bool already_known = false;
};

// One row of the extension's "Sent" list.
struct listed_sent {
  profile person;
  std::optional<millis> sent_at;  // when the page tells it
};

struct reconciliation {
  std::int64_t pending = 0, accepted = 0, withdrawn = 0, expired = 0, added = 0;
};

// The oldest a purge may reach back, in days (100 years): days × ms_per_day
// stays far from overflowing. data.purge and retention_days are held to it.
inline constexpr std::int64_t max_days = 36'500;

struct purge_counts {
  std::int64_t invitations = 0, snapshots = 0, drift_reports = 0, people = 0;
  std::int64_t total() const { return invitations + snapshots + drift_reports + people; }
};

class ledger {
 public:
  // What the ledger needs from the layer above: the assessment of a record
  // with the shipped models and the user's lexicons, and the text form its
  // reasons are stored in.
  struct services {
    std::function<assessment(const profile&)> assess;
    std::function<std::string(const std::vector<reason>&)> encode_reasons;
  };

  ledger(storage::database& db, const clock& time, services with);

  // Records an observed person (upsert + a snapshot when something changed),
  // with assess_mode::assess also the assessment of the merged record with
  // the user's verdict applied. A 1st-degree badge is a connection observed.
  observed_person observe(const profile& observed, millis at, std::string_view source, assess_mode mode);

  // The assessment of `p` with `verdict` applied, stored on the person.
  assessment assess_and_store(std::int64_t person_id, const profile& p, const std::optional<std::string>& verdict,
                              millis at);

  // invitation.sent: a replay (same person, same `at`) or a send while one is
  // pending returns the invitation already known.
  sent_result record_sent(const profile& person, const std::string& note, millis at);
  // invitation.received: one invitation (observed at `at`, received at
  // `received_at`), its person assessed; `added` is false when it was known.
  struct received_result {
    observed_person person;
    bool added = false;
  };
  received_result record_received(profile person, const std::string& note, millis received_at, millis at);
  // invitations.sent_list: adds what is listed and not known; a complete list
  // also decides the pending ones it does not show (accepted when connected,
  // expired past the network's pending_expiry_days, else withdrawn).
  reconciliation reconcile_sent_list(const std::vector<listed_sent>& listed, std::optional<std::string> network,
                                     bool complete, millis at, const settings& values);
  // connection.seen: pending sent invitations to them are accepted (how many).
  int connection_seen(const profile& person, millis at);
  // invitation.withdrawn: recorded on the person even without a pending
  // invitation (one sent before Vigie): the re-invite rule depends on it.
  int withdrawn(const profile& person, millis at);
  // invitation.answered: accepted or ignored; the pending received ones take it.
  int answered(const profile& person, invitation_status answer, millis at);

  // One row of a network's data export (cli/import_command.hpp): idempotent (an
  // invitation is known by person + direction + created_at); a decided one is
  // decided when imported, not before it was created. True when added.
  bool import_invitation(const profile& person, direction d, invitation_status status, const std::string& note,
                         millis created_at, std::string_view source);
  // A connection of the export: the earliest date wins, the person's pending
  // sent invitations are accepted. True when the person was not connected before.
  bool import_connection(const profile& person, millis connected_on, std::string_view source);

  std::optional<std::int64_t> find_person(const profile_key& key);
  // Everything about the person, and the drift reports about their page: rows erased.
  std::int64_t forget(const profile_key& key);
  // Decided invitations, snapshots and drift reports older than `days`, then
  // the people nothing refers to any more. Pending invitations stay whatever
  // their age: the limits count them. Runs in the caller's transaction.
  purge_counts purge_older_than(std::int64_t days);
  // The retention_days setting, in its own transaction; nothing when it is
  // not set. Never below 35 days nor below a network's re-invite window: the
  // limits still count what is younger.
  purge_counts apply_retention(const settings& values);

  // observe() in two steps, for record_sent (a replay writes nothing between them).
  observed_person upsert_person(const profile& observed, millis at);
  void complete_observation(observed_person& person, millis at, std::string_view source, assess_mode mode);

 private:
  storage::database& db_;
  const clock& clock_;
  services services_;
};

}  // namespace vigie::domain
