#include "domain/ledger.hpp"

#include <algorithm>
#include <unordered_set>

#include "common/error.hpp"
#include "domain/limits.hpp"
#include "storage/drift_repository.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"

namespace vigie::domain {

namespace {

constexpr std::string_view direction_words[] = {"sent", "received"};
constexpr std::string_view status_words[] = {"pending", "accepted", "withdrawn", "expired", "ignored"};

template <typename E, std::size_t N>
std::optional<E> from_words(const std::string_view (&words)[N], std::string_view text) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (words[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(direction d) noexcept { return direction_words[static_cast<std::size_t>(d)]; }
std::string_view to_string(invitation_status s) noexcept { return status_words[static_cast<std::size_t>(s)]; }
std::optional<direction> direction_from_string(std::string_view text) noexcept {
  return from_words<direction>(direction_words, text);
}
std::optional<invitation_status> status_from_string(std::string_view text) noexcept {
  return from_words<invitation_status>(status_words, text);
}
std::optional<invitation_status> answer_from_string(std::string_view text) noexcept {
  const auto s = status_from_string(text);
  if (s == invitation_status::accepted || s == invitation_status::ignored) return s;
  return std::nullopt;
}

namespace {

// The directions as the repositories store them.
const std::string_view sent = to_string(direction::sent);
const std::string_view received = to_string(direction::received);

}  // namespace

ledger::ledger(storage::database& db, const clock& time, services with)
    : db_(db), clock_(time), services_(std::move(with)) {}

observed_person ledger::upsert_person(const profile& observed, millis at) {
  observed_person out;
  out.observed = observed;
  out.key = canonical_profile_key(observed.network, observed.profile_url);
  auto row = storage::people_repository(db_).upsert(out.key, out.observed, at);
  out.id = row.id;
  out.is_new = row.is_new;
  out.changed = row.changed;
  out.merged = std::move(row.merged);
  out.user_verdict = std::move(row.user_verdict);
  out.connected_before = row.connected_at;
  return out;
}

assessment ledger::assess_and_store(std::int64_t person_id, const profile& p,
                                    const std::optional<std::string>& verdict, millis at) {
  auto a = services_.assess(p);
  // The stored level is what lists and stats filter on, so it carries the verdict.
  apply_verdict(a, verdict);
  storage::people_repository(db_).set_assessment(person_id, a.score, to_string(a.level),
                                                 services_.encode_reasons(a.reasons), at);
  return a;
}

void ledger::complete_observation(observed_person& person, millis at, std::string_view source, assess_mode mode) {
  storage::people_repository people(db_);
  // A snapshot is kept for each observation that changes something.
  if (person.changed) people.add_snapshot(person.id, person.observed, at, source);
  if (mode == assess_mode::assess) person.assessment = assess_and_store(person.id, person.merged, person.user_verdict, at);
  const auto& degree = person.observed.degree;
  if (degree && *degree == 1) {
    // A 1st-degree badge is a connection observed: pending sent ones are accepted.
    if (!person.connected_before || *person.connected_before > at) people.set_connected(person.id, at);
    if (!person.is_new)
      storage::invitations_repository(db_).decide_pending(person.id, sent, to_string(invitation_status::accepted), at);
  }
}

observed_person ledger::observe(const profile& observed, millis at, std::string_view source, assess_mode mode) {
  auto person = upsert_person(observed, at);
  complete_observation(person, at, source, mode);
  return person;
}

sent_result ledger::record_sent(const profile& observed, const std::string& note, millis at) {
  auto person = upsert_person(observed, at);
  storage::invitations_repository invitations(db_);
  // A replay of the same event (same person, same `at`: the extension resends
  // what was never answered) is the same invitation, whatever happened since,
  // and writes nothing (the upsert above changed nothing either). A send
  // while one is already pending returns that one. Someone seen for the
  // first time has no invitation yet.
  if (!person.is_new) {
    if (const auto known = invitations.find_at_or_pending(person.id, sent, at)) {
      if (known->created_at != at) complete_observation(person, at, "invitation_sent", assess_mode::skip);
      return {known->id, true};
    }
  }
  complete_observation(person, at, "invitation_sent", assess_mode::skip);
  storage::invitation_row row;
  row.person_id = person.id;
  row.network = person.key.network;
  row.direction = sent;
  row.status = to_string(invitation_status::pending);
  row.note = note;
  row.created_at = at;
  return {invitations.insert(row), false};
}

ledger::received_result ledger::record_received(profile observed, const std::string& note, millis received_at, millis at) {
  // The note is what the scam-phrase signals read.
  if (!note.empty() && !observed.invitation_message) observed.invitation_message = note;
  received_result out{observe(observed, at, "invitation_received", assess_mode::assess), false};
  storage::invitations_repository invitations(db_);
  if (!out.person.is_new && invitations.find_at_or_pending(out.person.id, received, received_at)) return out;
  storage::invitation_row row;
  row.person_id = out.person.id;
  row.network = out.person.key.network;
  row.direction = received;
  row.status = to_string(invitation_status::pending);
  row.note = note;
  row.created_at = received_at;
  invitations.insert(row);
  out.added = true;
  return out;
}

reconciliation ledger::reconcile_sent_list(const std::vector<listed_sent>& listed_rows,
                                           std::optional<std::string> network, bool complete, millis at,
                                           const settings& values) {
  storage::invitations_repository invitations(db_);
  storage::people_repository people(db_);
  std::unordered_set<std::int64_t> listed;
  reconciliation out;
  for (const auto& item : listed_rows) {
    const auto person = observe(item.person, at, "sent_list", assess_mode::skip);
    if (!network) network = person.key.network;
    if (person.key.network != *network)
      throw error(errc::bad_request, "one sent list covers one network; got " + person.key.network + " and " + *network);
    listed.insert(person.id);
    if (invitations.find_pending(person.id, sent)) continue;
    storage::invitation_row row;
    row.person_id = person.id;
    row.network = person.key.network;
    row.direction = sent;
    row.status = to_string(invitation_status::pending);
    row.created_at = item.sent_at.value_or(at);
    row.time_known = item.sent_at.has_value();
    invitations.insert(row);
    ++out.added;
  }
  out.pending = static_cast<std::int64_t>(listed.size());
  if (!complete) return out;
  if (!network) throw error(errc::bad_request, "an empty complete list needs \"network\"");
  const auto expiry = values.pending_expiry_days(*network) * ms_per_day;
  for (const auto& p : invitations.pending_sent_list(*network)) {
    if (listed.count(p.person_id)) continue;
    if (p.connected_at) {
      invitations.decide(p.id, to_string(invitation_status::accepted), at);
      ++out.accepted;
    } else if (at - p.created_at > expiry) {
      invitations.decide(p.id, to_string(invitation_status::expired), at);
      ++out.expired;
    } else {
      invitations.decide(p.id, to_string(invitation_status::withdrawn), at);
      people.set_last_withdrawn(p.person_id, at);
      ++out.withdrawn;
    }
  }
  return out;
}

int ledger::connection_seen(const profile& observed, millis at) {
  const auto person = observe(observed, at, "connection", assess_mode::skip);
  storage::people_repository(db_).mark_connected(person.id, at);
  return storage::invitations_repository(db_).decide_pending(person.id, sent, to_string(invitation_status::accepted),
                                                             at);
}

bool ledger::import_invitation(const profile& observed, direction d, invitation_status status, const std::string& note,
                               millis created_at, std::string_view source) {
  const auto person = observe(observed, created_at, source, assess_mode::skip);
  storage::invitations_repository invitations(db_);
  if (!person.is_new && invitations.find_at(person.id, to_string(d), created_at)) return false;
  storage::invitation_row row;
  row.person_id = person.id;
  row.network = person.key.network;
  row.direction = std::string(to_string(d));
  row.status = std::string(to_string(status));
  row.note = note;
  row.source = std::string(source);
  row.created_at = created_at;
  if (status != invitation_status::pending) row.decided_at = std::max(created_at, clock_.now());
  invitations.insert(row);
  if (status == invitation_status::withdrawn) storage::people_repository(db_).set_last_withdrawn(person.id, *row.decided_at);
  return true;
}

bool ledger::import_connection(const profile& observed, millis connected_on, std::string_view source) {
  const auto person = observe(observed, connected_on, source, assess_mode::skip);
  // observe() read connected_at already: no second lookup.
  if (!person.connected_before || *person.connected_before > connected_on)
    storage::people_repository(db_).set_connected(person.id, connected_on);
  if (!person.is_new)
    storage::invitations_repository(db_).decide_pending(person.id, sent, to_string(invitation_status::accepted),
                                                        connected_on);
  return !person.connected_before;
}

int ledger::withdrawn(const profile& observed, millis at) {
  const auto person = observe(observed, at, "invitation_withdrawn", assess_mode::skip);
  storage::people_repository(db_).set_last_withdrawn(person.id, at);
  return storage::invitations_repository(db_).decide_pending(person.id, sent,
                                                             to_string(invitation_status::withdrawn), at);
}

int ledger::answered(const profile& observed, invitation_status answer, millis at) {
  if (answer != invitation_status::accepted && answer != invitation_status::ignored)
    throw error(errc::internal, "an invitation is answered with accepted or ignored, not " +
                                    std::string(to_string(answer)));
  const auto person = observe(observed, at, "invitation_answered", assess_mode::skip);
  if (answer == invitation_status::accepted) storage::people_repository(db_).mark_connected(person.id, at);
  return storage::invitations_repository(db_).decide_pending(person.id, received, to_string(answer), at);
}

std::optional<std::int64_t> ledger::find_person(const profile_key& key) {
  return storage::people_repository(db_).find(key);
}

std::int64_t ledger::forget(const profile_key& key) {
  std::int64_t deleted = 0;
  storage::people_repository people(db_);
  if (const auto id = people.find(key)) deleted += people.forget(*id);
  // Drift reports name pages by URL; the person's own profile page is about them too.
  storage::drift_repository drift(db_);
  for (const auto& d : drift.all()) {
    try {
      if (canonical_profile_key(d.url) == key && drift.erase(d.id)) ++deleted;
    } catch (const error&) {
      // Not a profile URL: not about anyone.
    }
  }
  return deleted;
}

purge_counts ledger::purge_older_than(std::int64_t days) {
  // Bounded here too, not only at the door: days * ms_per_day must not overflow.
  if (days < 1 || days > max_days)
    throw error(errc::bad_request, "days must be between 1 and " + std::to_string(max_days));
  const auto cutoff = clock_.now() - days * ms_per_day;
  purge_counts n;
  n.invitations = storage::invitations_repository(db_).purge_decided_before(cutoff);
  n.snapshots = storage::people_repository(db_).purge_snapshots_before(cutoff);
  n.drift_reports = storage::drift_repository(db_).purge_before(cutoff);
  n.people = storage::people_repository(db_).purge_before(cutoff);
  return n;
}

namespace {

// The automatic retention never removes what the limits still count: the
// rolling week, the calendar month of notes (35 days cover both) and every
// network's re-invite window; a shorter retention_days is raised to this.
std::int64_t retention_floor_days(const settings& values) {
  std::int64_t floor = 35;
  for (const auto& def : setting_defs()) {
    constexpr std::string_view suffix = ".reinvite_days";
    if (def.key.size() > suffix.size() && def.key.compare(def.key.size() - suffix.size(), suffix.size(), suffix) == 0)
      floor = std::max(floor, values.optional_integer(def.key).value_or(0) + 1);
  }
  return floor;
}

}  // namespace

purge_counts ledger::apply_retention(const settings& values) {
  // Validated like settings.set (1-36,500) when loaded: a hand-edited value
  // that would overflow the cutoff reads as unset, which keeps everything.
  const auto days = values.optional_integer("retention_days");
  if (!days) return {};
  const auto floor = retention_floor_days(values);
  storage::transaction tx(db_);
  const auto n = purge_older_than(std::max(*days, floor));
  tx.commit();
  if (n.total() > 0) db_.erase_traces();
  return n;
}

}  // namespace vigie::domain
