// `vigie assess`: JSON lines in, one JSON line out per line, errors inline.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/assess_command.hpp"
#include "cli_run.hpp"
#include "domain/lexicon.hpp"

using nlohmann::json;

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
