#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "cli/linkedin_export.hpp"
#include "common/error.hpp"

using namespace vigie::cli;
using vigie::domain::format_iso8601_utc;

namespace {

class utc_zone {
 public:
  utc_zone() {
    if (const char* old = std::getenv("TZ")) old_ = old;
    ::setenv("TZ", "UTC", 1);
    ::tzset();
  }
  ~utc_zone() {
    if (old_.empty()) ::unsetenv("TZ");
    else ::setenv("TZ", old_.c_str(), 1);
    ::tzset();
  }

 private:
  std::string old_;
};

const std::string invitations_header =
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n";
const std::string connections_preamble =
    "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are "
    "missing.\"\r\n\r\n";
const std::string connections_header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";

// Invitations.csv with `n` valid sent invitations (lines 2 to n + 1).
std::string sent_invitations(int n) {
  std::string text = invitations_header;
  for (int i = 0; i < n; ++i)
    text += "Me,P" + std::to_string(i) + ",\"1/29/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/p" +
            std::to_string(i) + "\n";
  return text;
}

std::string import_error(const std::optional<std::string>& inv, const std::optional<std::string>& con) {
  try {
    parse_linkedin_export(inv, con);
  } catch (const vigie::error& e) {
    CHECK(e.code() == vigie::errc::bad_import);
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("an invitation's other person is To when outgoing and From when incoming") {
  utc_zone tz;
  const auto data = parse_linkedin_export(
      invitations_header +
          "Me Myself,Jane Doe,\"1/29/26, 2:37 PM\",\"Hi Jane,\r\nlet's connect\",OUTGOING,"
          "https://www.linkedin.com/in/me,https://www.linkedin.com/in/jane-doe\r\n"
          "Bob Smith,Me Myself,\"2/1/26, 9:05 AM\",,INCOMING,https://www.linkedin.com/in/bob,"
          "https://www.linkedin.com/in/me\r\n",
      std::nullopt);
  REQUIRE(data.invitations.size() == 2);
  CHECK(data.invitation_rows == 2);
  const auto& sent = data.invitations[0];
  CHECK(sent.direction == vigie::domain::direction::sent);
  CHECK(sent.name == "Jane Doe");
  CHECK(sent.profile_url == "https://www.linkedin.com/in/jane-doe");
  CHECK(sent.note == "Hi Jane,\r\nlet's connect");
  CHECK(format_iso8601_utc(sent.at) == "2026-01-29T14:37:00.000Z");
  CHECK(sent.line == 2);
  const auto& received = data.invitations[1];
  CHECK(received.direction == vigie::domain::direction::received);
  CHECK(received.name == "Bob Smith");
  CHECK(received.profile_url == "https://www.linkedin.com/in/bob");
  CHECK(received.note.empty());
  CHECK(received.line == 4);
}

TEST_CASE("Connections.csv is read after its Notes preamble") {
  utc_zone tz;
  const auto data = parse_linkedin_export(
      std::nullopt, "\xEF\xBB\xBF" + connections_preamble + connections_header +
                        "Jane,Doe,https://www.linkedin.com/in/jane-doe,,Acme,CTO,15 Jan 2024\r\n"
                        "Hidden,Member,,,,,3 Mar 2023\r\n");
  REQUIRE(data.connections.size() == 1);
  CHECK(data.connection_rows == 2);
  CHECK(data.connections_without_url == 1);
  const auto& c = data.connections[0];
  CHECK(c.name == "Jane Doe");
  CHECK(c.company == "Acme");
  CHECK(c.position == "CTO");
  CHECK(format_iso8601_utc(c.connected_at) == "2024-01-15T00:00:00.000Z");

  // The person as the ledger takes it: no email (the ledger has no use for it), no degree.
  const auto p = profile_of(c);
  CHECK(p.network == "linkedin");
  CHECK(p.profile_url == "https://www.linkedin.com/in/jane-doe");
  CHECK(p.name == "Jane Doe");
  CHECK(p.current_company == "Acme");
  CHECK(p.current_title == "CTO");
  CHECK_FALSE(p.degree.has_value());
}

TEST_CASE("older exports without URL columns key invitations through Connections.csv or skip them") {
  utc_zone tz;
  const std::string old_invitations =
      "From,To,Sent At,Message,Direction\n"
      "Me,Jane Doe,\"1/29/26, 2:37 PM\",,OUTGOING\n"       // a connection: matched
      "Me,Nobody Known,\"1/29/26, 2:38 PM\",,OUTGOING\n"   // unknown: skipped
      "Sam Twin,Me,\"1/29/26, 2:39 PM\",,INCOMING\n";      // two connections share the name: skipped
  const std::string connections = connections_header +
                                  "Jane,Doe,https://www.linkedin.com/in/jane-doe,,,,15 Jan 2024\n"
                                  "Sam,Twin,https://www.linkedin.com/in/sam-1,,,,15 Jan 2024\n"
                                  "Sam,Twin,https://www.linkedin.com/in/sam-2,,,,15 Jan 2024\n";
  const auto data = parse_linkedin_export(old_invitations, connections);
  REQUIRE(data.invitations.size() == 1);
  CHECK(data.invitations[0].profile_url == "https://www.linkedin.com/in/jane-doe");
  CHECK(data.invitations_matched_by_name == 1);
  CHECK(data.invitations_without_url == 2);
}

TEST_CASE("an invitation's person for the ledger is its URL and name, and nothing it did not tell") {
  utc_zone tz;
  const auto data = parse_linkedin_export(
      invitations_header + "Me,Jane Doe,\"1/29/26, 2:37 PM\",Hello,OUTGOING,,https://www.linkedin.com/in/jane\n"
                           "Me,,\"1/29/26, 2:38 PM\",,OUTGOING,,https://www.linkedin.com/in/anon\n",
      std::nullopt);
  REQUIRE(data.invitations.size() == 2);
  CHECK(data.invitations[0].note == "Hello");
  const auto p = profile_of(data.invitations[0]);
  CHECK(p.network == "linkedin");
  CHECK(p.profile_url == "https://www.linkedin.com/in/jane");
  CHECK(p.name == "Jane Doe");
  CHECK_FALSE(p.headline.has_value());
  CHECK_FALSE(p.has_photo.has_value());  // not observed: no rule may fire on it
  CHECK_FALSE(profile_of(data.invitations[1]).name.has_value());
}

TEST_CASE("malformed export files are refused naming the file and the line") {
  utc_zone tz;
  struct example {
    const char* name;
    std::optional<std::string> invitations;
    std::optional<std::string> connections;
    const char* where;
    const char* what;
  };
  const std::vector<example> examples = {
      {"bad date", invitations_header + "Me,Jane,\"1/29/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/jane\nMe,Bo,\"29/1/26, 2:37 PM\",,OUTGOING,,u\n",
       std::nullopt, "Invitations.csv line 3", "bad date"},
      {"unterminated quote", invitations_header + "Me,Jane,\"1/29/26, 2:37 PM\",\"Hello,OUTGOING,,u\n", std::nullopt,
       "Invitations.csv line 2", "never closed"},
      {"missing header column", std::string("From,To,Message,Direction\nMe,Jane,,OUTGOING\n"), std::nullopt,
       "Invitations.csv line 1", "Sent At"},
      {"unknown direction", invitations_header + "Me,Jane,\"1/29/26, 2:37 PM\",,SIDEWAYS,,u\n", std::nullopt,
       "Invitations.csv line 2", "SIDEWAYS"},
      {"short row", invitations_header + "Me,Jane,\"1/29/26, 2:37 PM\"\n", std::nullopt, "Invitations.csv line 2",
       "3 fields"},
      {"empty invitations file", std::string(), std::nullopt, "Invitations.csv line 1", "header"},
      {"connections without header", std::nullopt, connections_preamble + "Jane,Doe,u,,,,15 Jan 2024\n",
       "Connections.csv line 1", "header"},
      {"connections bad date", std::nullopt, connections_header + "Jane,Doe,u,,,,2024-01-15\n",
       "Connections.csv line 2", "bad date"},
      // The host's bounds, which these rows would otherwise skip (they reach the ledger without a request).
      {"URL over 1 KiB", invitations_header + "Me,Jane,\"1/29/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/" +
                             std::string(1100, 'j') + "\n",
       std::nullopt, "Invitations.csv line 2", "inviteeProfileUrl is 1128 bytes, over its limit of 1024"},
      {"message over 16 KiB", invitations_header + "Me,Jane,\"1/29/26, 2:37 PM\"," + std::string(17000, 'm') +
                                  ",OUTGOING,,https://www.linkedin.com/in/jane\n",
       std::nullopt, "Invitations.csv line 2", "Message is 17000 bytes"},
      {"name over 1 KiB", std::nullopt, connections_header + "Jane," + std::string(1100, 'd') +
                                            ",https://www.linkedin.com/in/jane,,,,15 Jan 2024\n",
       "Connections.csv line 2", "the name is 1105 bytes"},
      {"invitation before 2003", invitations_header + "Me,Jane,\"1/29/1999, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/jane\n",
       std::nullopt, "Invitations.csv line 2", "Sent At is before 2003"},
      {"a company page where a profile belongs", invitations_header + "Me,Jane,\"1/29/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/company/acme/\n",
       std::nullopt, "Invitations.csv line 2", "not a profile URL"},
      {"another site in Connections.csv", std::nullopt, connections_header + "Jane,Doe,https://example.org/jane,,,,15 Jan 2024\n",
       "Connections.csv line 2", "not a profile URL"},
      {"connection before 2003", std::nullopt, connections_header + "Jane,Doe,https://www.linkedin.com/in/jane,,,,15 Jan 1999\n",
       "Connections.csv line 2", "Connected On is before 2003"},
  };
  for (const auto& ex : examples) {
    SUBCASE(ex.name) {
      const auto message = import_error(ex.invitations, ex.connections);
      CHECK(message.find(ex.where) != std::string::npos);
      CHECK(message.find(ex.what) != std::string::npos);
    }
  }
}

TEST_CASE("progress is reported per thousand rows and at the end of each file") {
  utc_zone tz;
  const std::string text = sent_invitations(2500);
  std::vector<std::size_t> seen;
  parse_linkedin_export(text, std::nullopt, [&](std::string_view file, std::size_t rows) {
    CHECK(file == "Invitations.csv");
    seen.push_back(rows);
  });
  CHECK(seen == std::vector<std::size_t>{1000, 2000, 2500});
}

namespace {

// A source that hands its text over in chunks of `size` bytes, counting the passes.
byte_source chunked(const std::string& text, std::size_t size, int& passes) {
  return [&text, size, &passes](const byte_sink& sink) {
    ++passes;
    for (std::size_t at = 0; at < text.size(); at += size) sink(std::string_view(text).substr(at, size));
  };
}

}  // namespace

TEST_CASE("the export goes out in batches of at most 1,000 rows, invitations first") {
  utc_zone tz;
  const std::string invitations = sent_invitations(1500);
  std::string connections = connections_preamble + connections_header;
  for (int i = 0; i < 1200; ++i)
    connections += "C,N" + std::to_string(i) + ",https://www.linkedin.com/in/c" + std::to_string(i) + ",,,,15 Jan 2024\n";
  connections += "Hidden,Member,,,,,3 Mar 2023\n";

  int invitation_passes = 0, connection_passes = 0;
  std::vector<std::pair<std::size_t, std::size_t>> batches;  // (invitations, connections) per body
  std::string order;  // 'i' then 'c' per batch part, to see that no invitation comes after a connection
  const auto counts = read_linkedin_export(
      chunked(invitations, 777, invitation_passes), chunked(connections, 4096, connection_passes),
      [&](const import_batch& batch) {
        batches.emplace_back(batch.invitations.size(), batch.connections.size());
        if (!batch.invitations.empty()) order += 'i';
        if (!batch.connections.empty()) order += 'c';
      });
  CHECK(batches == std::vector<std::pair<std::size_t, std::size_t>>{{1000, 0}, {500, 500}, {0, 700}});
  CHECK(order == "iicc");
  CHECK(counts.invitation_rows == 1500);
  CHECK(counts.connection_rows == 1201);
  CHECK(counts.connections_without_url == 1);
  // Connections.csv is read twice (checked and keyed by name, then sent), Invitations.csv once.
  CHECK(invitation_passes == 1);
  CHECK(connection_passes == 2);
}

TEST_CASE("a malformed line after the first batches stops the reading with the file and line") {
  utc_zone tz;
  std::string invitations = sent_invitations(2500);
  invitations += "Me,Late,\"29/1/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/late\n";
  int passes = 0;
  std::size_t sent = 0;
  try {
    read_linkedin_export(chunked(invitations, 65536, passes), std::nullopt,
                         [&](const import_batch& batch) { sent += batch.invitations.size(); });
    FAIL("no error");
  } catch (const vigie::error& e) {
    CHECK(std::string(e.what()).find("Invitations.csv line 2502") != std::string::npos);
  }
  CHECK(sent == 2000);  // two full batches went out: the caller's transaction must take them back
}
