// storage/people_repository: one row per person with the latest of each field, dated snapshots
// only when something changed, and the person's data erased with them.
#include <doctest/doctest.h>

#include "domain/profile_key.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/people_repository.hpp"

using namespace vigie;
using namespace vigie::storage;

namespace {

struct people_fixture {
  people_fixture() { migrate(db); }
  database db{":memory:"};
  people_repository people{db};
  const domain::profile_key key = domain::canonical_profile_key("linkedin", "https://www.linkedin.com/in/ana-lima/");

  domain::profile seen(std::optional<std::string> headline, std::optional<std::int64_t> connections = std::nullopt) {
    domain::profile p;
    p.network = "linkedin";
    p.profile_url = "https://www.linkedin.com/in/ana-lima/";
    p.name = "Ana Lima";
    p.headline = std::move(headline);
    p.connections = connections;
    return p;
  }
};

}  // namespace

TEST_CASE("a field the last page did not show keeps its value; a repeat is no change") {
  people_fixture f;
  const auto first = f.people.upsert(f.key, f.seen("Engineer", 120), 1000);
  CHECK(first.is_new);
  CHECK(first.changed);
  const auto again = f.people.upsert(f.key, f.seen("Engineer"), 2000);  // connections not shown this time
  CHECK_FALSE(again.is_new);
  CHECK_FALSE(again.changed);
  CHECK(again.id == first.id);
  CHECK(again.merged.connections == 120);
  const auto moved = f.people.upsert(f.key, f.seen("Lead engineer"), 3000);
  CHECK(moved.changed);
  const auto row = f.people.get(first.id);
  REQUIRE(row);
  CHECK(row->latest.headline == "Lead engineer");
  CHECK(row->latest.connections == 120);
  CHECK(row->first_seen_at == 1000);
  CHECK(row->last_seen_at == 3000);
  CHECK(f.people.find(f.key) == first.id);
}

TEST_CASE("snapshots keep each observed state with its time and source") {
  people_fixture f;
  const auto id = f.people.upsert(f.key, f.seen("Engineer"), 1000).id;
  f.people.add_snapshot(id, f.seen("Engineer"), 1000, "profile_seen");
  f.people.add_snapshot(id, f.seen("Lead engineer"), 5000, "import");
  const auto snaps = f.people.snapshots(id);
  REQUIRE(snaps.size() == 2);
  CHECK(snaps[0].seen_at != snaps[1].seen_at);
  bool import_seen = false;
  for (const auto& s : snaps) import_seen |= s.source == "import" && s.fields.headline == "Lead engineer";
  CHECK(import_seen);
}

TEST_CASE("the connection date keeps the earliest; a verdict and an assessment are stored on the person") {
  people_fixture f;
  const auto id = f.people.upsert(f.key, f.seen("Engineer"), 1000).id;
  f.people.set_connected(id, 9000);
  CHECK(f.people.get(id)->connected_at == 9000);
  CHECK_FALSE(f.people.mark_connected(id, 12000));  // already connected: the first date stays
  CHECK(f.people.get(id)->connected_at == 9000);
  f.people.set_assessment(id, 55, "medium", "[]", 2000);
  f.people.set_verdict(id, std::string("fake"), 3000);
  const auto row = f.people.get(id);
  CHECK(row->assessment_score == 55);
  CHECK(row->assessment_level == "medium");
  CHECK(row->user_verdict == "fake");
  CHECK(row->verdict_at == 3000);
}

TEST_CASE("forgetting a person erases the row and its snapshots") {
  people_fixture f;
  const auto id = f.people.upsert(f.key, f.seen("Engineer"), 1000).id;
  f.people.add_snapshot(id, f.seen("Engineer"), 1000, "profile_seen");
  CHECK(f.people.forget(id) >= 2);
  CHECK_FALSE(f.people.find(f.key));
  CHECK_FALSE(f.people.get(id));
  CHECK(f.people.snapshots(id).empty());
}
