// The domain ledger through its typed calls, without JSON or the dispatcher.
#include <doctest/doctest.h>

#include "common/error.hpp"
#include "domain/ledger.hpp"
#include "ledger_fixture.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"

using namespace vigie;
using domain::invitation_status;

namespace {

struct typed_ledger {
  testing::scoped_tz tz{"UTC"};
  storage::database db{":memory:"};
  domain::fixed_clock clock{domain::parse_iso8601("2026-11-21T12:00:00Z")};
  int assessed = 0;
  domain::ledger ledger{db, clock,
                        {[this](const domain::profile&) {
                           ++assessed;
                           return domain::assessment{};
                         },
                         [](const std::vector<domain::reason>&) { return std::string("[]"); }}};
  typed_ledger() { storage::migrate(db); }

  static domain::profile person(const std::string& slug) {
    domain::profile p;
    p.network = "linkedin";
    p.profile_url = testing::linkedin(slug);
    return p;
  }
  std::vector<storage::invitation_row> invitations(const std::string& slug) {
    const auto id = ledger.find_person(domain::canonical_profile_key("linkedin", testing::linkedin(slug)));
    REQUIRE(id);
    return storage::invitations_repository(db).for_person(*id);
  }
};

constexpr domain::millis day = domain::ms_per_day;

}  // namespace

TEST_CASE("directions and statuses have one word each, both ways") {
  for (const auto d : {domain::direction::sent, domain::direction::received})
    CHECK(domain::direction_from_string(domain::to_string(d)) == d);
  for (const auto s : {invitation_status::pending, invitation_status::accepted, invitation_status::withdrawn,
                       invitation_status::expired, invitation_status::ignored})
    CHECK(domain::status_from_string(domain::to_string(s)) == s);
  CHECK(domain::to_string(domain::direction::received) == "received");
  CHECK(domain::to_string(invitation_status::ignored) == "ignored");
  CHECK_FALSE(domain::direction_from_string("Sent").has_value());
  CHECK_FALSE(domain::status_from_string("").has_value());
  CHECK(domain::answer_from_string("accepted") == invitation_status::accepted);
  CHECK(domain::answer_from_string("ignored") == invitation_status::ignored);
  CHECK_FALSE(domain::answer_from_string("withdrawn").has_value());
}

TEST_CASE("record_sent: a replay and a send while one is pending return the invitation already known") {
  typed_ledger t;
  const auto at = t.clock.now() - day;
  const auto first = t.ledger.record_sent(typed_ledger::person("ada"), "hello", at);
  CHECK_FALSE(first.already_known);
  const auto replay = t.ledger.record_sent(typed_ledger::person("ada"), "hello", at);
  CHECK(replay.already_known);
  CHECK(replay.invitation_id == first.invitation_id);
  const auto again = t.ledger.record_sent(typed_ledger::person("ada"), "", at + 1000);
  CHECK(again.invitation_id == first.invitation_id);
  const auto rows = t.invitations("ada");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].direction == "sent");
  CHECK(rows[0].status == "pending");
  CHECK(rows[0].note == "hello");
  CHECK(t.assessed == 0);  // a send assesses nobody
}

TEST_CASE("a complete sent list accepts the connected, expires the old, withdraws the rest and adds the new") {
  typed_ledger t;
  const auto now = t.clock.now();
  t.ledger.record_sent(typed_ledger::person("kept"), "", now - 2 * day);
  t.ledger.record_sent(typed_ledger::person("connected"), "", now - 2 * day);
  t.ledger.record_sent(typed_ledger::person("old"), "", now - 200 * day);
  t.ledger.record_sent(typed_ledger::person("gone"), "", now - 2 * day);
  auto connected = typed_ledger::person("connected");
  connected.degree = 2;
  t.ledger.observe(connected, now - day, "profile", domain::assess_mode::skip);
  storage::people_repository(t.db).mark_connected(*t.ledger.find_person(domain::canonical_profile_key(
                                                      "linkedin", testing::linkedin("connected"))),
                                                  now - day);
  const std::vector<domain::listed_sent> listed{{typed_ledger::person("kept"), std::nullopt},
                                                {typed_ledger::person("new"), now - 3 * day}};
  const auto r = t.ledger.reconcile_sent_list(listed, std::nullopt, true, now, domain::settings{});
  CHECK(r.pending == 2);
  CHECK(r.added == 1);
  CHECK(r.accepted == 1);
  CHECK(r.expired == 1);
  CHECK(r.withdrawn == 1);
  CHECK(t.invitations("kept")[0].status == "pending");
  CHECK(t.invitations("connected")[0].status == "accepted");
  CHECK(t.invitations("old")[0].status == "expired");
  CHECK(t.invitations("gone")[0].status == "withdrawn");
  CHECK(t.invitations("new")[0].created_at == now - 3 * day);
  // A list of one network cannot name a person of another.
  auto viadeo = typed_ledger::person("x");
  viadeo.network = "viadeo";
  viadeo.profile_url = "https://viadeo.journaldunet.com/p/x-123";
  CHECK_THROWS_AS(t.ledger.reconcile_sent_list({{viadeo, std::nullopt}}, std::string("linkedin"), false, now,
                                               domain::settings{}),
                  error);
}

TEST_CASE("record_received is idempotent, assesses with the note, and an answer decides it") {
  typed_ledger t;
  const auto now = t.clock.now();
  const auto first = t.ledger.record_received(typed_ledger::person("bob"), "Hi there", now - day, now);
  CHECK(first.added);
  CHECK(first.person.merged.invitation_message == "Hi there");  // what the scam-phrase signals read
  CHECK_FALSE(t.ledger.record_received(typed_ledger::person("bob"), "Hi there", now - day, now).added);
  CHECK(t.assessed == 2);
  CHECK(t.ledger.answered(typed_ledger::person("bob"), invitation_status::ignored, now) == 1);
  const auto rows = t.invitations("bob");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].direction == "received");
  CHECK(rows[0].status == "ignored");
  CHECK_THROWS_AS(t.ledger.answered(typed_ledger::person("bob"), invitation_status::expired, now), error);
}

TEST_CASE("a withdrawal is kept on the person even without a pending invitation; a connection accepts") {
  typed_ledger t;
  const auto now = t.clock.now();
  CHECK(t.ledger.withdrawn(typed_ledger::person("eve"), now - day) == 0);
  const auto id = t.ledger.find_person(domain::canonical_profile_key("linkedin", testing::linkedin("eve")));
  REQUIRE(id);
  CHECK(storage::people_repository(t.db).get(*id)->last_withdrawn_at == now - day);
  t.ledger.record_sent(typed_ledger::person("fay"), "", now - day);
  CHECK(t.ledger.connection_seen(typed_ledger::person("fay"), now) == 1);
  CHECK(t.invitations("fay")[0].status == "accepted");
}

TEST_CASE("forget erases the person; purge keeps pending invitations whatever their age") {
  typed_ledger t;
  const auto now = t.clock.now();
  t.ledger.record_sent(typed_ledger::person("old-pending"), "", now - 100 * day);
  t.ledger.record_sent(typed_ledger::person("old-decided"), "", now - 100 * day);
  t.ledger.withdrawn(typed_ledger::person("old-decided"), now - 90 * day);
  const auto n = t.ledger.purge_older_than(30);
  CHECK(n.invitations == 1);
  CHECK(t.invitations("old-pending").size() == 1);
  CHECK_THROWS_AS(t.ledger.purge_older_than(0), error);
  const auto key = domain::canonical_profile_key("linkedin", testing::linkedin("old-pending"));
  CHECK(t.ledger.forget(key) >= 2);  // the person, the invitation (and its snapshot, if any)
  CHECK_FALSE(t.ledger.find_person(key).has_value());
  CHECK(t.ledger.forget(key) == 0);
}

TEST_CASE("import: an export row is added once, decided when imported, and a connection accepts what was pending") {
  typed_ledger t;
  const auto now = t.clock.now();
  CHECK(t.ledger.import_invitation(typed_ledger::person("ana"), domain::direction::sent, invitation_status::withdrawn,
                                   "hi", now - 30 * day, "import"));
  CHECK_FALSE(t.ledger.import_invitation(typed_ledger::person("ana"), domain::direction::sent,
                                         invitation_status::withdrawn, "hi", now - 30 * day, "import"));
  auto rows = t.invitations("ana");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == "withdrawn");
  CHECK(rows[0].decided_at == now);  // decided when Vigie learnt it
  CHECK(rows[0].source == "import");
  const auto id = t.ledger.find_person(domain::canonical_profile_key("linkedin", testing::linkedin("ana")));
  CHECK(storage::people_repository(t.db).get(*id)->last_withdrawn_at == now);  // the re-invite rule sees it

  CHECK(t.ledger.import_invitation(typed_ledger::person("bob"), domain::direction::sent, invitation_status::pending, "",
                                   now - 10 * day, "import"));
  CHECK(t.ledger.import_connection(typed_ledger::person("bob"), now - 5 * day, "import"));
  CHECK_FALSE(t.ledger.import_connection(typed_ledger::person("bob"), now - 2 * day, "import"));  // already connected
  rows = t.invitations("bob");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == "accepted");
  CHECK(rows[0].decided_at == now - 5 * day);
  CHECK(t.assessed == 0);  // imports do not assess: nothing about the person is known but a name
}
