#include <doctest/doctest.h>

#include "domain/csv_reader.hpp"
#include "integration/cli_run.hpp"

using namespace vigie_test;

namespace {

// The "current" fixture: 2 sent (Jane accepted, Bruno pending), 2 received pending.
void import_sample(const fs::path& home) {
  const auto r = run_vigie(home, {"import", "linkedin-export", fixture("current").string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
}

}  // namespace

TEST_CASE("every command has --help and honours VIGIE_HOME") {
  temp_home home;
  for (const char* command : {"stats", "list", "export", "import", "forget", "purge", "limits"}) {
    CAPTURE(command);
    const auto r = run_vigie(home.path(), {command, "--help"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
  CHECK(run_vigie(home.path(), {"stats"}).status == 0);
  CHECK(fs::exists(home.path() / "data" / "vigie.db"));
  CHECK_FALSE(fs::exists(home.path() / ".local"));
}

TEST_CASE("list filters and pages like invitations.list") {
  temp_home home;
  import_sample(home.path());
  struct example {
    std::vector<std::string> args;
    int total;
  };
  const example examples[] = {
      {{}, 4},
      {{"--direction", "sent"}, 2},
      {{"--direction", "received", "--status", "pending"}, 2},
      {{"--status", "accepted"}, 1},
      {{"--network", "viadeo"}, 0},
      {{"--since", "2026-01-01"}, 2},
      {{"--until", "2026-01-01"}, 2},
      {{"--text", "Olga"}, 1},
  };
  for (const auto& ex : examples) {
    std::vector<std::string> args = {"list", "--json"};
    args.insert(args.end(), ex.args.begin(), ex.args.end());
    CAPTURE(args.size());
    const auto r = run_vigie(home.path(), args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    CHECK(r.json()["total"] == ex.total);
  }
  const auto page = run_vigie(home.path(), {"list", "--json", "--limit", "3", "--offset", "2"}).json();
  CHECK(page["items"].size() == 2);
  CHECK(page["next_offset"].is_null());
  const auto first = run_vigie(home.path(), {"list", "--json", "--limit", "1"}).json();
  CHECK(first["next_offset"] == 1);
  // Newest first: Olga's invitation of 3 Feb 2026.
  CHECK(first["items"][0]["person"]["name"] == "Olga Petrova");

  const auto human = run_vigie(home.path(), {"list", "--limit", "2"});
  CHECK(human.out.find("Olga Petrova") != std::string::npos);
  CHECK(human.out.find("1-2 of 4; more with --offset 2") != std::string::npos);
}

TEST_CASE("export writes every invitation as spreadsheet-friendly CSV or as JSON") {
  temp_home home;
  import_sample(home.path());
  const auto file = home.path() / "invitations.csv";
  const auto r = run_vigie(home.path(), {"export", "--format", "csv", "-o", file.string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto csv = slurp(file);
  CHECK(csv.rfind("\xEF\xBB\xBFid,network,direction,status,created_at", 0) == 0);
  CHECK(csv.find("\r\n") != std::string::npos);
  const auto rows = vigie::domain::read_csv(csv, "export");
  REQUIRE(rows.size() == 5);
  const auto& header = rows[0].fields;
  const auto note_col = static_cast<std::size_t>(std::find(header.begin(), header.end(), "note") - header.begin());
  const auto name_col = static_cast<std::size_t>(std::find(header.begin(), header.end(), "name") - header.begin());
  REQUIRE(note_col < header.size());
  bool saw_jane = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].fields.size() == header.size());
    if (rows[i].fields[name_col] == "Jane Doe") {
      saw_jane = true;
      CHECK(rows[i].fields[note_col] == "Hi Jane,\r\nwe met at the \"Lyon\" meetup.");
    }
  }
  CHECK(saw_jane);

  const auto json = run_vigie(home.path(), {"export", "--format", "json"});
  REQUIRE(json.status == 0);
  CHECK(json.json().size() == 4);
  const auto sent = run_vigie(home.path(), {"export", "--format", "json", "--direction", "sent"});
  CHECK(sent.json().size() == 2);
}

TEST_CASE("stats reports the ledger in JSON and in words") {
  temp_home home;
  import_sample(home.path());
  const auto r = run_vigie(home.path(), {"stats", "--json"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto s = r.json();
  CHECK(s["pending"] == 1);           // Bruno; Jane accepted
  CHECK(s["received_pending"] == 2);  // Olga, Sam
  CHECK(s["today"] == 0);
  const auto human = run_vigie(home.path(), {"stats"});
  CHECK(human.out.find("pending sent") != std::string::npos);
  CHECK(human.out.find("withdrawal candidates") != std::string::npos);  // Bruno, pending 41 days
}

TEST_CASE("forget erases one person and says not found when there is nobody") {
  temp_home home;
  import_sample(home.path());
  const auto r = run_vigie(home.path(), {"forget", "https://www.linkedin.com/in/olga-petrova-7/"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("rows erased") != std::string::npos);
  CHECK(run_vigie(home.path(), {"list", "--json"}).json()["total"] == 3);
  const auto again = run_vigie(home.path(), {"forget", "https://www.linkedin.com/in/olga-petrova-7/"});
  CHECK(again.status == 3);
  const auto not_a_profile = run_vigie(home.path(), {"forget", "https://example.org/olga"});
  CHECK(not_a_profile.status == 2);
}

TEST_CASE("purge erases decided invitations older than the given days") {
  temp_home home;
  import_sample(home.path());
  // Jane's accepted invitation was decided on import (now = 10 Feb 2026): run 400 days later.
  const auto r = run_vigie(home.path(), {"purge", "--older-than", "30"}, "2027-03-17T12:00:00+01:00");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("purged data older than 30 days") != std::string::npos);
  const auto left = run_vigie(home.path(), {"list", "--json", "--status", "accepted"}).json();
  CHECK(left["total"] == 0);
  CHECK(run_vigie(home.path(), {"purge"}).status != 0);  // --older-than is required
}

TEST_CASE("limits shows the settings and changes one") {
  temp_home home;
  const auto set = run_vigie(home.path(), {"limits", "set", "linkedin.free.daily_limit", "15"});
  REQUIRE_MESSAGE(set.status == 0, set.err);
  CHECK(set.out == "linkedin.free.daily_limit = 15\n");
  const auto shown = run_vigie(home.path(), {"limits", "show", "--json"});
  REQUIRE(shown.status == 0);
  CHECK(shown.json()["linkedin.free.daily_limit"] == 15);
  CHECK(run_vigie(home.path(), {"limits"}).out.find("linkedin.free.daily_limit") != std::string::npos);
  CHECK(run_vigie(home.path(), {"stats", "--json"}).json()["daily_limit"] == 15);

  const auto unknown = run_vigie(home.path(), {"limits", "set", "no.such.key", "1"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("no.such.key") != std::string::npos);
}

namespace {

// An export whose names and notes carry terminal escapes, bidi overrides and spreadsheet formulas.
fs::path hostile_export(const fs::path& home) {
  const auto dir = home / "hostile";
  fs::create_directories(dir);
  std::ofstream(dir / "Invitations.csv", std::ios::binary)
      << "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
      << "Camille Martin,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"1/29/26, 2:37 PM\",\"\x1b]0;pwned\x07hi\x1b[2J\","
         "OUTGOING,https://www.linkedin.com/in/camille-martin,https://www.linkedin.com/in/formula-person\r\n"
      << "Camille Martin,\"Eve \xE2\x80\xAEtxt.exe\x1b[31m\",\"1/28/26, 2:37 PM\",+cmd|' /C calc'!A0,"
         "OUTGOING,https://www.linkedin.com/in/camille-martin,https://www.linkedin.com/in/escape-person\r\n";
  return dir;
}

}  // namespace

TEST_CASE("list and stats print no terminal escape or bidi control from the data") {
  temp_home home;
  const auto r = run_vigie(home.path(), {"import", "linkedin-export", hostile_export(home.path()).string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  for (const auto& args : std::vector<std::vector<std::string>>{{"list"}, {"stats"}, {"list", "--text", "eve"}}) {
    const auto out = run_vigie(home.path(), args);
    CAPTURE(args[0]);
    REQUIRE_MESSAGE(out.status == 0, out.err);
    CHECK(out.out.find('\x1b') == std::string::npos);
    CHECK(out.out.find('\x07') == std::string::npos);
    CHECK(out.out.find("\xE2\x80\xAE") == std::string::npos);
  }
  CHECK(run_vigie(home.path(), {"list"}).out.find("Eve") != std::string::npos);
}

TEST_CASE("export defuses formulas and never follows a link planted beside the output") {
  temp_home home;
  REQUIRE(run_vigie(home.path(), {"import", "linkedin-export", hostile_export(home.path()).string()}).status == 0);
  const auto file = home.path() / "out.csv";
  const auto victim = home.path() / "victim.txt";
  std::ofstream(victim) << "keep me";
  fs::create_symlink(victim, home.path() / "out.csv.partial");
  const auto r = run_vigie(home.path(), {"export", "--format", "csv", "-o", file.string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(slurp(victim) == "keep me");
  CHECK(fs::is_symlink(home.path() / "out.csv.partial"));
  const auto csv = slurp(file);
  CHECK(csv.find(",=HYPERLINK") == std::string::npos);
  CHECK(csv.find("\"'=HYPERLINK(") != std::string::npos);
  CHECK(csv.find("\"'+cmd|") != std::string::npos);
  std::size_t leftovers = 0;
  for (const auto& e : fs::directory_iterator(home.path()))
    if (e.path().filename().string().starts_with("out.csv.partial-")) ++leftovers;
  CHECK(leftovers == 0);
}
