// Lexicon files: parsing, matching without regard to case, accents, feminine
// and plural forms, user overrides, and the shipped files themselves.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "app/lexicon_loader.hpp"
#include "common/error.hpp"
#include "domain/lexicon.hpp"

using namespace vigie;
using namespace vigie::domain;

namespace {

std::vector<std::string> labels(const std::vector<lexicon_match>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(m.label);
  return out;
}

const lexicon_set& shipped() {
  static const lexicon_set set =
      app::load_lexicons(std::filesystem::path(VIGIE_SOURCE_DIR) / "data" / "lexicons");
  return set;
}

// Each text must find exactly the `expected` label (or category) in `lex`; "" = no match.
struct expectation {
  const char* text;
  const char* expected;
};

void check_each(const lexicon& lex, const std::vector<expectation>& rows,
                std::string lexicon_match::*field) {
  for (const auto& r : rows) {
    SUBCASE(r.text) {
      std::set<std::string> found;
      for (const auto& m : find_matches(lex, r.text)) found.insert(m.*field);
      const std::set<std::string> expected =
          *r.expected ? std::set<std::string>{r.expected} : std::set<std::string>{};
      CHECK(found == expected);
    }
  }
}

}  // namespace

TEST_CASE("parse_lexicon reads entries, alternatives, categories and comments") {
  std::vector<std::string> problems;
  const auto lex = parse_lexicon(
      "# a comment\n"
      "\n"
      "[beauty]\n"
      "coiffeur | coiffeuse   # trailing comment\n"
      "crypto*\n"
      "[romance\n"
      "!!!\n"
      "[money]\n"
      "send me money\n",
      "test.txt", &problems);
  REQUIRE(lex.entries.size() == 3);
  CHECK(lex.entries[0].label == "coiffeur");
  CHECK(lex.entries[0].category == "beauty");
  CHECK(lex.entries[0].forms.size() == 2);
  CHECK(lex.entries[1].label == "crypto");
  CHECK(lex.entries[2].category == "money");
  CHECK(lex.entries[2].forms[0].size() == 3);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "test.txt:6: section header without closing ']'");
  CHECK(problems[1] == "test.txt:7: entry has no word");
}

TEST_CASE("an entry matches whole words whatever the case, accents, gender and number") {
  const auto lex = parse_lexicon("coiffeur\ncharcutier\nboucher\nhairdresser\nmove to whatsapp\ncrypto*\n");
  struct row {
    const char* text;
    std::vector<std::string> expected;
  };
  const row rows[] = {
      {"Coiffeuse", {"coiffeur"}},
      {"COIFFEUSES à domicile", {"coiffeur"}},
      {"Charcutière-traiteur", {"charcutier"}},
      {"Bouchère", {"boucher"}},
      {"bouchers", {"boucher"}},
      {"Senior Hairdressers", {"hairdresser"}},
      {"please MOVE to WhatsApp", {"move to whatsapp"}},
      {"move quickly to whatsapp", {}},
      {"Cryptomonnaies et bitcoin", {"crypto"}},
      {"Coiffeurstyle", {}},        // not a whole word
      {"Boucherie Martin", {}},     // the shop, not the trade
      {"Data engineer", {}},
  };
  for (const auto& r : rows) {
    SUBCASE(r.text) { CHECK(labels(find_matches(lex, r.text)) == r.expected); }
  }
}

TEST_CASE("each entry is reported once, in lexicon order") {
  const auto lex = parse_lexicon("[a]\ntelegram\n[b]\nwhatsapp | whats app\n");
  const auto ms = find_matches(lex, "WhatsApp, whats app or Telegram, telegram");
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].label == "telegram");
  CHECK(ms[0].category == "a");
  CHECK(ms[1].label == "whatsapp");
}

TEST_CASE("user overrides remove whole entries by any form, then add entries") {
  auto lex = parse_lexicon("coiffeur | coiffeuse\nfleuriste\n");
  apply_overrides(lex, {{"esthéticienne | esthéticien", "  "}, {"Coiffeuses", "unknown"}});
  CHECK(labels(find_matches(lex, "coiffeuse fleuriste")) == std::vector<std::string>{"fleuriste"});
  const auto ms = find_matches(lex, "Esthéticienne");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].category == "user");
}

TEST_CASE("settings overrides apply to the right list and refuse wrong types") {
  lexicon_set base{parse_lexicon("coiffeur\n"), parse_lexicon("[off_platform]\nwhatsapp\n")};
  const auto set = app::with_overrides(
      base, nlohmann::json{{"lexicon.odd_titles.remove", {"coiffeuse"}},
                           {"lexicon.odd_titles.add", {"astrologue"}},
                           {"lexicon.scam_phrases.add", {"signal"}},
                           {"lexicon.scam_phrases.remove", nullptr},
                           {"linkedin.daily_limit", 20}});
  CHECK(find_matches(set.odd_titles, "coiffeuse").empty());
  CHECK(find_matches(set.odd_titles, "Astrologue").size() == 1);
  CHECK(find_matches(set.scam_phrases, "whatsapp or signal").size() == 2);
  CHECK_THROWS_AS(app::with_overrides(base, nlohmann::json{{"lexicon.odd_titles.add", "coiffeuse"}}),
                  vigie::error);
}

TEST_CASE("the shipped lexicons parse without problems and cover English and French") {
  const auto dir = std::filesystem::path(VIGIE_SOURCE_DIR) / "data" / "lexicons";
  for (const auto& item : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(item.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> problems;
    parse_lexicon(text, item.path().string(), &problems);
    CHECK_MESSAGE(problems.empty(), item.path().string());
  }
  const auto& set = shipped();
  struct row {
    const char* text;
    bool odd;
  };
  const row titles[] = {
      {"Coiffeuse", true},       {"Charcutier", true},      {"Bouchère", true},
      {"BOUCHERES", true},       {"Hair Stylist", true},    {"Nail technician", true},
      {"Military doctor", true}, {"Software Engineer", false}, {"Administrateur serveur", false},
      {"Offshore engineer", false}, {"Ingénieure d'affaires", false},
  };
  for (const auto& r : titles) {
    SUBCASE(r.text) { CHECK(find_matches(set.odd_titles, r.text).empty() == !r.odd); }
  }
  const row notes[] = {
      {"add me on WhatsApp", true},
      {"Écrivez-moi sur Telegram", true},
      {"ma chérie", true},
      {"rendement garanti", true},
      {"Bitcoin investment opportunity", true},
      {"I work in private equity", false},
      {"Cher Monsieur, ravi d'échanger", false},
      {"We met at the Lyon meetup", false},
  };
  for (const auto& r : notes) {
    SUBCASE(r.text) { CHECK(find_matches(set.scam_phrases, r.text).empty() == !r.odd); }
  }
}

TEST_CASE("the shipped lexicons know trades, personas and scam wording beyond the seeds' examples") {
  // The 2026-11-22 revision (bench/assess/README.md): feminine and plural trades, personas, and
  // the broader scam families, each in the category that sets its weight.
  const auto& set = shipped();
  SUBCASE("odd titles, by the label the user reads") {
    check_each(set.odd_titles,
               {
                   {"Tatoueuses", "tatoueur"},
                   {"Chocolatière", "chocolatier"},
                   {"Crêpières", "crêpier"},
                   {"Repasseuse à domicile", "repasseur"},
                   {"Serveuse en salle", "serveuse en salle"},
                   {"Assistante maternelle agréée", "assistante maternelle"},
                   {"Casques bleus", "casque bleu"},
                   {"Experte en cryptomonnaies", "expert en crypto"},
                   {"Lash Technicians", "lash"},
                   {"Dog Walker", "dog walker"},
                   {"Cake Decorator", "cake decorator"},
                   {"Tattoo Artist", "tattoo"},
                   {"Oil Rig Engineer", "oil rig"},
                   {"Navy Captain", "navy captain"},
                   {"Wealth Mentor", "wealth mentor"},
                   {"Serveur d'applications", ""},
               },
               &lexicon_match::label);
  }
  SUBCASE("scam phrases, by category") {
    check_each(set.scam_phrases,
               {
                   {"Ajoute-moi sur Signal", "off_platform"},
                   {"Donnez-moi votre numéro", "off_platform"},
                   {"I'm rarely here, add me up", "off_platform"},
                   {"Send me your email", "off_platform"},
                   {"Je fais du trading de l'or", "money"},
                   {"Revenus passifs et rendements élevés", "money"},
                   {"20% daily ROI, guaranteed", "money"},
                   {"My salary is blocked, I will repay you", "money"},
                   {"Bonjour mon trésor", "romance"},
                   {"Je suis divorcée depuis deux ans", "romance"},
                   {"I am a widower looking for a life partner", "romance"},
                   {"Je suis en mission à l'étranger avec les casques bleus", "romance"},
                   {"I stumbled upon your profile", "scripted"},
                   {"Votre profil m'a plu", "scripted"},
                   // ordinary notes and about sections that come close
                   {"Can we chat next week about the role?", ""},
                   {"I'm building a non-profit for kids' coding", ""},
                   {"I fell in love with coding at twelve", ""},
                   {"Sales leader building long-term relationships with clients", ""},
                   {"Outside of LinkedIn, I enjoy hiking", ""},
                   {"Avocate en droit de la famille : divorce, succession", ""},
                   {"Bonjour, ravi de faire votre connaissance", ""},
                   {"Bonjour, belle journée à vous !", ""},
                   {"C'est la règle d'or du recrutement", ""},
                   {"Poursuivons la discussion sur vos besoins", ""},
               },
               &lexicon_match::category);
  }
}

TEST_CASE("VIGIE_DATA_DIR is looked at first for the lexicon folder") {
  const auto dir = std::filesystem::temp_directory_path() / "vigie_lexicon_test";
  std::filesystem::create_directories(dir / "lexicons");
  std::ofstream(dir / "lexicons" / "odd_titles.xx.txt") << "astrologue\n";
  ::setenv("VIGIE_DATA_DIR", dir.c_str(), 1);
  const auto found = app::find_lexicon_dir();
  ::unsetenv("VIGIE_DATA_DIR");
  REQUIRE(found);
  CHECK(*found == dir / "lexicons");
  const auto set = app::load_lexicons(*found);
  CHECK(set.odd_titles.entries.size() == 1);
  CHECK(set.scam_phrases.entries.empty());
  std::filesystem::remove_all(dir);
}
