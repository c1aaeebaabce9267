// `vigie assess`: JSON lines in, one JSON line out per line, errors inline.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/assess_command.hpp"
#include "cli_run.hpp"
#include "domain/lexicon.hpp"
#include "support/host_process.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<json> lines_of(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

const char* const input =
    R"({"network":"linkedin","profile_url":"https://www.linkedin.com/in/a/","name":"Marie Martin","has_photo":true})"
    "\n"
    "this is not json\n"
    R"({"name":"Jessica","current_title":"Coiffeuse","has_photo":true,"connections":40,)"
    R"("invitation_message":"Bonjour mon cher, écrivez-moi sur WhatsApp","extra":{"ignored":true}})"
    "\n"
    "\n"
    R"({"connections":"many"})"
    "\n"
    "[1,2]\n";

void check_replies(const std::vector<json>& out) {
  REQUIRE(out.size() == 6);
  CHECK(out[0]["level"] == "none");
  CHECK(out[0]["verdict"].is_null());
  CHECK(out[1]["error"]["code"] == "bad_json");
  CHECK(out[2]["level"] == "high");
  CHECK(out[2]["reasons"].size() >= 2);
  CHECK(out[3]["error"]["code"] == "bad_json");
  CHECK(out[4]["error"]["code"] == "bad_request");
  CHECK(out[5]["error"]["code"] == "bad_request");
}

}  // namespace

TEST_CASE("vigie assess answers every line in order, errors inline, without stopping") {
  vigie_test::temp_home home;
  const auto file = home.path() / "profiles.jsonl";
  std::ofstream(file) << input;
  const auto r = vigie_test::run_vigie(home.path(), {"assess", file.string()});
  CHECK(r.status == 0);
  check_replies(lines_of(r.out));
}

TEST_CASE("vigie assess on a missing file is not found") {
  vigie_test::temp_home home;
  const auto r = vigie_test::run_vigie(home.path(), {"assess", (home.path() / "nope.jsonl").string()});
  CHECK(r.status == 3);
  CHECK(r.out.empty());
}

TEST_CASE("the assess loop reads a stream and counts the failed lines") {
  // Same lexicons as the binary, taken from the source tree.
  vigie::domain::lexicon_set lex;
  lex.odd_titles = vigie::domain::parse_lexicon("coiffeur\n");
  lex.scam_phrases = vigie::domain::parse_lexicon("[off_platform]\nwhatsapp\n[romance]\nmon cher\n");
  std::istringstream in(input);
  std::ostringstream out;
  CHECK(vigie::cli::assess_lines(in, out, lex) == 4);
  check_replies(lines_of(out.str()));
}

namespace {

// No photo and 10 connections: newcomer signals only, capped at 25 ("low").
// "Astronaute" is in no shipped lexicon; once a user adds it as an odd title
// (+20) the profile reaches "medium".
const char* const astronaut =
    R"({"network":"linkedin","profile_url":"https://www.linkedin.com/in/neil-a/","name":"Neil Armstrong",)"
    R"("current_title":"Astronaute","has_photo":false,"connections":10})";

bool has_reason(const json& assessment, const std::string& code) {
  for (const auto& r : assessment["reasons"])
    if (r["code"] == code) return true;
  return false;
}

json assess_one(const vigie_test::temp_home& home, const std::string& record, std::vector<std::string> extra = {}) {
  const auto file = home.path() / "one.jsonl";
  std::ofstream(file) << record << "\n";
  std::vector<std::string> args = {"assess", file.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = vigie_test::run_vigie(home.path(), args);
  REQUIRE(r.status == 0);
  const auto out = lines_of(r.out);
  REQUIRE(out.size() == 1);
  return out[0];
}

std::vector<fs::path> entries_of(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) out.push_back(e.path());
  return out;
}

}  // namespace

TEST_CASE("vigie assess applies the odd titles a user added through the settings") {
  vigie_test::temp_home home;
  const auto before = assess_one(home, astronaut);
  CHECK(before["level"] == "low");
  CHECK_FALSE(has_reason(before, "odd_title"));

  const auto set = vigie_test::run_vigie(home.path(), {"limits", "set", "lexicon.odd_titles.add", R"(["astronaute"])"});
  REQUIRE(set.status == 0);
  const auto after = assess_one(home, astronaut);
  CHECK(after["level"] == "medium");
  CHECK(has_reason(after, "odd_title"));

  // --no-settings: the shipped lists only, as before the setting.
  CHECK(assess_one(home, astronaut, {"--no-settings"}) == before);
}

TEST_CASE("vigie assess answers what the host's profile.assess answers after settings.set") {
  vigie_test::temp_home home;
  const auto data = home.path() / "data";  // run_vigie's VIGIE_HOME
  json from_host;
  {
    vigie::test::process host(VIGIE_HOST_BINARY, {vigie::test::our_origin}, {{"VIGIE_HOME", data.string()}});
    const auto set = host.call({{"id", 1},
                                {"type", "settings.set"},
                                {"settings",
                                 {{"lexicon.odd_titles.add", {"astronaute"}},
                                  {"lexicon.odd_titles.remove", {"coiffeur"}},
                                  {"lexicon.scam_phrases.add", {"lune de miel"}}}}});
    REQUIRE(set["ok"] == true);
    const auto r = host.call({{"id", 2}, {"type", "profile.assess"}, {"profile", json::parse(astronaut)}});
    REQUIRE(r["ok"] == true);
    from_host = r["result"];
    host.close_stdin();
    CHECK(host.wait() == 0);
  }
  CHECK(from_host["level"] == "medium");
  CHECK(assess_one(home, astronaut) == from_host);

  // The removal applies too: a hairdresser is no longer an odd title.
  const auto hairdresser = assess_one(
      home, R"({"name":"Julie Petit","current_title":"Coiffeuse","has_photo":true,"connections":300})");
  CHECK_FALSE(has_reason(hairdresser, "odd_title"));
  // And an added phrase is found in a note, with the category `user`.
  const std::string honeymoon = R"({"name":"Anna Lee","invitation_message":"Notre lune de miel ?"})";
  CHECK(has_reason(assess_one(home, honeymoon), "scam_note"));
  CHECK_FALSE(has_reason(assess_one(home, honeymoon, {"--no-settings"}), "scam_note"));
}

TEST_CASE("vigie assess --lexicons replaces the shipped lists; the user's settings still apply on top") {
  vigie_test::temp_home home;
  const auto lexicons = home.path() / "lexicons";
  fs::create_directories(lexicons);
  std::ofstream(lexicons / "odd_titles.test.txt") << "cosmonaute\n";
  std::ofstream(lexicons / "scam_phrases.test.txt") << "[off_platform]\ntelegram\n";
  const std::string cosmonaut = R"({"name":"Youri Gagarine","current_title":"Cosmonaute"})";
  const std::string hairdresser = R"({"name":"Julie Petit","current_title":"Coiffeuse"})";
  CHECK(has_reason(assess_one(home, cosmonaut, {"--lexicons", lexicons.string()}), "odd_title"));
  CHECK_FALSE(has_reason(assess_one(home, hairdresser, {"--lexicons", lexicons.string()}), "odd_title"));
  CHECK_FALSE(has_reason(assess_one(home, astronaut, {"--lexicons", lexicons.string()}), "odd_title"));

  REQUIRE(vigie_test::run_vigie(home.path(), {"limits", "set", "lexicon.odd_titles.add", R"(["astronaute"])"}).status ==
          0);
  CHECK(has_reason(assess_one(home, astronaut, {"--lexicons", lexicons.string()}), "odd_title"));
  CHECK(has_reason(assess_one(home, cosmonaut, {"--lexicons", lexicons.string()}), "odd_title"));
  CHECK_FALSE(has_reason(assess_one(home, astronaut, {"--lexicons", lexicons.string(), "--no-settings"}), "odd_title"));
}

TEST_CASE("vigie assess leaves no file behind when there is no database") {
  vigie_test::temp_home home;
  const auto data = home.path() / "data";  // run_vigie's VIGIE_HOME

  SUBCASE("an empty VIGIE_HOME stays empty") {
    fs::create_directories(data);
    CHECK(assess_one(home, astronaut)["level"] == "low");
    CHECK(entries_of(data).empty());
  }
  SUBCASE("a VIGIE_HOME that does not exist is not created") {
    CHECK(assess_one(home, astronaut)["level"] == "low");
    CHECK_FALSE(fs::exists(data));
  }
}

TEST_CASE("vigie assess writes log lines to stderr, never among its answers") {
  vigie_test::temp_home home;
  const auto lexicons = home.path() / "lexicons";
  fs::create_directories(lexicons);
  std::ofstream(lexicons / "odd_titles.test.txt") << "cosmonaute\n[unclosed\n";
  const auto file = home.path() / "one.jsonl";
  std::ofstream(file) << astronaut << "\n";
  const auto r = vigie_test::run_vigie(home.path(), {"assess", file.string(), "--lexicons", lexicons.string()});
  CHECK(r.status == 0);
  CHECK(lines_of(r.out).size() == 1);  // parses: nothing but the answer on stdout
  CHECK(r.err.find("odd_titles.test.txt:2") != std::string::npos);
}
