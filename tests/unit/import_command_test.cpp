// cli/import_command.hpp: LinkedIn's export written by the domain ledger in one
// transaction — idempotent, connections accept pending invitations, all or
// nothing, dates after tomorrow refused with their file and line.
#include <doctest/doctest.h>

#include <string>

#include "cli/import_command.hpp"
#include "common/error.hpp"
#include "ledger_fixture.hpp"
#include "storage/invitations_repository.hpp"

using namespace vigie;
using vigie::testing::linkedin;

namespace {

cli::session memory_session() {
  return cli::session(paths{"/tmp/vigie-test", "/tmp/vigie-test", "/tmp/vigie-test"}, ":memory:",
                      std::make_unique<domain::fixed_clock>(domain::parse_iso8601("2026-11-21T12:00:00Z")));
}

const std::string invitations_header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
const std::string connections_header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

std::optional<cli::byte_source> text(const std::string& t) {
  return cli::byte_source([t](const cli::byte_sink& sink) { sink(t); });
}

std::vector<storage::listed_invitation> all_invitations(cli::session& s) {
  storage::list_filter f;
  f.limit = 10'000;
  f.ascending = true;
  return storage::invitations_repository(s.context().db).list(f).second;
}

std::string refusal(cli::session& s, const std::optional<cli::byte_source>& inv, const std::optional<cli::byte_source>& con,
                    cli::import_totals& totals) {
  try {
    cli::import_linkedin_export(s, inv, con, totals);
  } catch (const vigie::error& e) {
    CHECK(e.code() == errc::bad_import);
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("an export imported twice adds nothing the second time, and its connections accept pending invitations") {
  vigie::testing::scoped_tz tz("UTC");
  auto s = memory_session();
  const auto invitations = text(invitations_header +
                                "Me,I One,\"11/1/26, 9:00 AM\",Hi,OUTGOING,,https://www.linkedin.com/in/i1\n"
                                "I Two,Me,\"11/2/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/i2,\n");
  const auto connections = text(connections_header + "I,One,https://www.linkedin.com/in/i1,,Acme,CTO,10 Nov 2026\n");

  cli::import_totals first;
  const auto counts = cli::import_linkedin_export(s, invitations, connections, first);
  CHECK(counts.invitation_rows == 2);
  CHECK(counts.connection_rows == 1);
  CHECK(first.invitations_added == 2);
  CHECK(first.invitations_known == 0);
  CHECK(first.connections_added == 1);

  const auto rows = all_invitations(s);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].profile_url.find("/in/i1") != std::string::npos);
  CHECK(rows[0].name == "I One");
  CHECK(rows[0].invitation.direction == "sent");
  CHECK(rows[0].invitation.status == "accepted");  // the connection came after the invitation
  CHECK(rows[0].invitation.source == "import");
  CHECK(rows[0].invitation.note == "Hi");
  CHECK(rows[1].invitation.direction == "received");
  CHECK(rows[1].invitation.status == "pending");

  cli::import_totals second;
  cli::import_linkedin_export(s, invitations, connections, second);
  CHECK(second.invitations_added == 0);
  CHECK(second.invitations_known == 2);
  CHECK(second.connections_added == 0);
  CHECK(all_invitations(s).size() == 2);
}

TEST_CASE("a line refused after whole batches were written leaves the ledger as it was") {
  vigie::testing::scoped_tz tz("UTC");
  auto s = memory_session();
  std::string invitations = invitations_header;
  for (int i = 0; i < 2500; ++i)
    invitations += "Me,P" + std::to_string(i) + ",\"11/1/26, 9:00 AM\",,OUTGOING,,https://www.linkedin.com/in/p" +
                   std::to_string(i) + "\n";
  invitations += "Me,Late,\"29/1/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/late\n";
  cli::import_totals totals;
  CHECK(refusal(s, text(invitations), std::nullopt, totals).find("Invitations.csv line 2502") != std::string::npos);
  CHECK(all_invitations(s).empty());
  CHECK(totals.invitations_added == 0);  // nothing is reported added that was taken back
  // The ledger is usable again afterwards.
  cli::import_totals again;
  cli::import_linkedin_export(s, text(invitations_header + "Me,A,\"11/1/26, 9:00 AM\",,OUTGOING,,https://www.linkedin.com/in/a\n"),
                              std::nullopt, again);
  CHECK(again.invitations_added == 1);
}

TEST_CASE("a date more than a day after the computer's clock is refused with its file and line") {
  vigie::testing::scoped_tz tz("UTC");
  struct example {
    const char* name;
    std::optional<std::string> invitations, connections;
    const char* where;
  };
  // The clock is 2026-11-21 12:00 UTC.
  const std::vector<example> examples = {
      {"an invitation the day after tomorrow",
       invitations_header + "Me,A,\"11/1/26, 9:00 AM\",,OUTGOING,,https://www.linkedin.com/in/a\n"
                            "Me,B,\"11/23/26, 9:00 AM\",,OUTGOING,,https://www.linkedin.com/in/b\n",
       std::nullopt, "Invitations.csv line 3"},
      {"a connection next year", std::nullopt, connections_header + "C,D,https://www.linkedin.com/in/c,,,,3 Jan 2027\n",
       "Connections.csv line 2"},
  };
  for (const auto& ex : examples) {
    SUBCASE(ex.name) {
      auto s = memory_session();
      cli::import_totals totals;
      const auto message = refusal(s, ex.invitations ? text(*ex.invitations) : std::nullopt,
                                   ex.connections ? text(*ex.connections) : std::nullopt, totals);
      CHECK(message.find(ex.where) != std::string::npos);
      CHECK(message.find("after this computer's clock") != std::string::npos);
      CHECK(all_invitations(s).empty());
    }
  }
  SUBCASE("tomorrow is still accepted (clocks differ)") {
    auto s = memory_session();
    cli::import_totals totals;
    cli::import_linkedin_export(s, text(invitations_header + "Me,A,\"11/22/26, 9:00 AM\",,OUTGOING,,https://www.linkedin.com/in/a\n"),
                                std::nullopt, totals);
    CHECK(totals.invitations_added == 1);
  }
}
