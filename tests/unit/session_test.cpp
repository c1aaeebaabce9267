// cli::session: one transaction around a command's work (the import writes in
// many batches, all or nothing) and the settings snapshot it keeps coherent
// with what was rolled back.
#include <doctest/doctest.h>

#include <stdexcept>

#include "app/ledger_of.hpp"
#include "app/settings_json.hpp"
#include "cli/session.hpp"
#include "common/error.hpp"
#include "ledger_fixture.hpp"
#include "storage/invitations_repository.hpp"

using nlohmann::json;
using vigie::testing::linkedin;

namespace {

vigie::cli::session memory_session() {
  return vigie::cli::session(vigie::paths{"/tmp/vigie-test", "/tmp/vigie-test", "/tmp/vigie-test"}, ":memory:",
                             std::make_unique<vigie::domain::fixed_clock>(vigie::domain::parse_iso8601("2026-11-21T12:00:00Z")));
}

void send_to(vigie::cli::session& s, const std::string& slug) {
  vigie::domain::profile p;
  p.network = "linkedin";
  p.profile_url = linkedin(slug);
  vigie::app::ledger_of(s.context()).record_sent(p, "", vigie::domain::parse_iso8601("2026-11-20T09:00:00Z"));
}

std::int64_t invitations_total(vigie::cli::session& s) {
  return vigie::storage::invitations_repository(s.context().db).list({}).first;
}

std::int64_t daily_limit(vigie::cli::session& s) { return s.context().settings().limits("linkedin").daily_limit; }

}  // namespace

TEST_CASE("the work of one transaction commits together") {
  vigie::testing::scoped_tz tz("UTC");
  auto s = memory_session();
  s.in_one_transaction([&] {
    send_to(s, "first");
    send_to(s, "second");
  });
  CHECK(invitations_total(s) == 2);
}

TEST_CASE("an exception out of the transaction's work leaves the ledger and the settings as they were") {
  vigie::testing::scoped_tz tz("UTC");
  auto s = memory_session();
  send_to(s, "before");
  const auto limit_before = daily_limit(s);
  CHECK_THROWS_AS(s.in_one_transaction([&] {
    send_to(s, "a");
    vigie::app::store_settings(s.context().db, json{{"linkedin.free.daily_limit", limit_before + 7}});
    s.context().settings_changed();
    CHECK(daily_limit(s) == limit_before + 7);  // seen inside the transaction
    throw vigie::error(vigie::errc::bad_import, "Invitations.csv line 2502: bad date");
  }),
                  vigie::error);
  CHECK(invitations_total(s) == 1);
  CHECK(daily_limit(s) == limit_before);  // the snapshot does not keep what was rolled back
  // The connection is usable again: later work writes in a transaction of its own.
  s.in_one_transaction([&] { send_to(s, "after"); });
  CHECK(invitations_total(s) == 2);
}
