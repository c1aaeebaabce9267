// storage/invitations_repository: rows, their counters, the decided ones an acceptance rate divides
// by (the same statuses as domain::is_decided), the list's filters and order, and the purge.
#include <doctest/doctest.h>

#include "domain/ledger.hpp"
#include "domain/profile_key.hpp"
#include "storage/database.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/people_repository.hpp"

using namespace vigie;
using namespace vigie::storage;

namespace {

struct invitations_fixture {
  invitations_fixture() { migrate(db); }
  database db{":memory:"};
  invitations_repository inv{db};

  std::int64_t person(const std::string& slug, const std::string& name) {
    domain::profile p;
    p.network = "linkedin";
    p.profile_url = "https://www.linkedin.com/in/" + slug + "/";
    p.name = name;
    return people_repository(db).upsert(domain::canonical_profile_key("linkedin", p.profile_url), p, 1000).id;
  }
  std::int64_t sent(std::int64_t person_id, millis at, std::string status = "pending", std::string note = "") {
    invitation_row r;
    r.person_id = person_id;
    r.network = "linkedin";
    r.direction = "sent";
    r.status = std::move(status);
    r.note = std::move(note);
    r.created_at = at;
    if (r.status != "pending") r.decided_at = at + 10;
    return inv.insert(r);
  }
};

}  // namespace

TEST_CASE("a pending invitation is found by its time or as the pending one, and decided once") {
  invitations_fixture f;
  const auto ana = f.person("ana", "Ana");
  const auto id = f.sent(ana, 5000);
  CHECK(f.inv.find_at(ana, "sent", 5000) == id);
  CHECK_FALSE(f.inv.find_at(ana, "sent", 5001));
  CHECK(f.inv.find_pending(ana, "sent") == id);
  CHECK(f.inv.count_status("linkedin", "sent", "pending") == 1);
  CHECK(f.inv.decide_pending(ana, "sent", "accepted", 9000) == 1);
  CHECK(f.inv.decide_pending(ana, "sent", "withdrawn", 9500) == 0);  // nothing pending any more
  CHECK_FALSE(f.inv.find_pending(ana, "sent"));
  CHECK(f.inv.count_status("linkedin", "sent", "pending") == 0);
  CHECK(f.inv.count_status("linkedin", "sent", "accepted") == 1);
  const auto rows = f.inv.for_person(ana);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].decided_at == 9000);
}

TEST_CASE("the acceptance rate divides by the statuses domain::is_decided names, and only those") {
  for (const auto status : {domain::invitation_status::pending, domain::invitation_status::accepted,
                            domain::invitation_status::withdrawn, domain::invitation_status::expired,
                            domain::invitation_status::ignored}) {
    const std::string word(domain::to_string(status));
    CAPTURE(word);
    invitations_fixture f;
    f.sent(f.person("p", "P"), 5000, word);
    const auto [decided, accepted] = f.inv.recent_decisions("linkedin", 20);
    CHECK(decided == (domain::is_decided(status) ? 1 : 0));
    CHECK(accepted == (status == domain::invitation_status::accepted ? 1 : 0));
  }
}

TEST_CASE("the list finds text in the notes folded when written, sorts by name, and counts the whole match") {
  invitations_fixture f;
  f.sent(f.person("zoe", "Zoe"), 1000, "pending", "Hello from Lyon");
  f.sent(f.person("adam", "Adam"), 2000, "accepted");
  f.sent(f.person("lea", "Lea"), 3000, "pending", "hello");

  list_filter all;
  all.limit = 2;
  auto [total, rows] = f.inv.list(all);
  CHECK(total == 3);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].name == "Lea");  // newest first by default

  list_filter by_name;
  by_name.sort = list_filter::sort_key::name;
  by_name.ascending = true;
  rows = f.inv.list(by_name).second;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].name == "Adam");
  CHECK(rows[2].name == "Zoe");

  list_filter text;
  text.text = "hello";
  const auto found = f.inv.list(text);
  CHECK(found.first == 2);
  list_filter pending;
  pending.status = "pending";
  pending.offset = 1;
  const auto page = f.inv.list(pending);
  CHECK(page.first == 2);  // the total is the whole match, whatever the page
  CHECK(page.second.size() == 1);
}

TEST_CASE("a purge takes decided invitations older than the cut-off and never a pending one") {
  invitations_fixture f;
  const auto p = f.person("p", "P");
  f.sent(p, 1000, "accepted");
  f.sent(p, 1000, "pending");
  f.sent(p, 50'000, "withdrawn");
  CHECK(f.inv.purge_decided_before(10'000) == 1);
  const auto left = f.inv.for_person(p);
  CHECK(left.size() == 2);
  for (const auto& r : left) CHECK((r.status == "pending" || r.created_at == 50'000));
  CHECK(f.inv.count_status("linkedin", "sent", "accepted") == 0);  // the counters follow
}
