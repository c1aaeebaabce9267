// The CLI's import sends many import.batch calls inside one transaction of its
// own (cli::session::in_one_transaction): each call must then run in a
// savepoint of it, so a refused call takes back its own rows only, and the
// whole import commits or rolls back as one.
#include <doctest/doctest.h>

#include <stdexcept>

#include "cli/session.hpp"
#include "common/error.hpp"
#include "ledger_fixture.hpp"

using nlohmann::json;
using vigie::testing::linkedin;

namespace {

json one_invitation(const std::string& slug) {
  return json{{"invitations", json::array({{{"direction", "sent"},
                                             {"profile", {{"network", "linkedin"}, {"profile_url", linkedin(slug)}}},
                                             {"created_at", vigie::domain::parse_iso8601("2026-11-20T09:00:00Z")}}})}};
}

// A valid row, then one the handler refuses: the valid one was already written
// when the refusal comes.
json valid_then_refused(const std::string& slug) {
  auto body = one_invitation(slug);
  body["invitations"].push_back({{"direction", "sideways"}, {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("x")}}},
                                 {"created_at", vigie::domain::parse_iso8601("2026-11-20T09:00:00Z")}});
  return body;
}

std::int64_t invitations_total(vigie::cli::session& s) { return s.call("invitations.list")["total"].get<std::int64_t>(); }

vigie::cli::session memory_session() {
  return vigie::cli::session(vigie::paths{"/tmp/vigie-test", "/tmp/vigie-test", "/tmp/vigie-test"}, ":memory:",
                             std::make_unique<vigie::domain::fixed_clock>(vigie::domain::parse_iso8601("2026-11-21T12:00:00Z")));
}

}  // namespace

TEST_CASE("calls inside one transaction: a refused call takes back its own rows, the rest commits together") {
  vigie::testing::scoped_tz tz("UTC");
  auto s = memory_session();
  s.in_one_transaction([&] {
    CHECK(s.call("import.batch", one_invitation("first"))["invitations_added"] == 1);
    CHECK_THROWS_AS(s.call("import.batch", valid_then_refused("half")), vigie::error);
    CHECK(s.call("import.batch", one_invitation("last"))["invitations_added"] == 1);
  });
  CHECK(invitations_total(s) == 2);  // "first" and "last"; nothing of the refused call
}

TEST_CASE("an exception out of the transaction's work leaves the ledger as it was") {
  vigie::testing::scoped_tz tz("UTC");
  auto s = memory_session();
  REQUIRE(s.call("import.batch", one_invitation("before"))["invitations_added"] == 1);
  CHECK_THROWS_AS(s.in_one_transaction([&] {
    s.call("import.batch", one_invitation("a"));
    s.call("import.batch", one_invitation("b"));
    throw vigie::error(vigie::errc::bad_import, "Invitations.csv line 2502: bad date");
  }),
                  vigie::error);
  CHECK(invitations_total(s) == 1);
  // The connection is usable again: a later call writes in a transaction of its own.
  CHECK(s.call("import.batch", one_invitation("after"))["invitations_added"] == 1);
  CHECK(invitations_total(s) == 2);
}
