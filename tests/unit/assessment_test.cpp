// The suspicious-profile assessment: signals, how they combine, and the
// promise that every flag comes with a reason.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "app/lexicon_loader.hpp"
#include "common/error.hpp"
#include "domain/assessment.hpp"

using namespace vigie;
using namespace vigie::domain;

namespace {

const lexicon_set& lexicons() {
  static const lexicon_set set =
      app::load_lexicons(std::filesystem::path(VIGIE_SOURCE_DIR) / "data" / "lexicons");
  return set;
}

// A well-filled real profile: nothing to say about it.
profile ordinary() {
  profile p;
  p.network = "linkedin";
  p.profile_url = "https://www.linkedin.com/in/marie-martin/";
  p.name = "Marie Martin";
  p.headline = "Data Engineer at Airbus";
  p.has_photo = true;
  p.connections = 500;
  p.connections_plus = true;
  p.about = "Ten years of data pipelines.";
  p.experience_count = 4;
  p.education_count = 2;
  p.skills_count = 20;
  p.current_title = "Data Engineer";
  p.current_company = "Airbus";
  return p;
}

bool has_reason(const assessment& a, const std::string& code) {
  return std::any_of(a.reasons.begin(), a.reasons.end(), [&](const reason& r) { return r.code == code; });
}

int weight_of(const assessment& a, const std::string& code) {
  for (const auto& r : a.reasons) {
    if (r.code == code) return r.weight;
  }
  return 0;
}

}  // namespace

TEST_CASE("a complete ordinary profile is not suspicious at all") {
  const auto a = assess(ordinary(), lexicons());
  CHECK(a.score == 0);
  CHECK(a.level == risk_level::none);
  CHECK(a.reasons.empty());
  CHECK_FALSE(a.verdict);
}

TEST_CASE("a record with nothing observed is not suspicious") {
  profile p;
  p.network = "linkedin";
  const auto a = assess(p, lexicons());
  CHECK(a.level == risk_level::none);
  CHECK(a.reasons.empty());
}

TEST_CASE("each signal is recognised and explained") {
  struct row {
    const char* name;
    void (*change)(profile&);
    const char* code;
  };
  const row rows[] = {
      {"no photo", [](profile& p) { p.has_photo = false; }, "no_photo"},
      {"odd title", [](profile& p) { p.current_title = "Coiffeuse"; }, "odd_title"},
      {"odd title in the headline", [](profile& p) { p.headline = "Charcutière à Lyon"; }, "odd_title"},
      {"few connections", [](profile& p) { p.connections = 42, p.connections_plus = false; }, "few_connections"},
      {"sparse profile",
       [](profile& p) { p.about = " ", p.experience_count = 1, p.education_count = 0, p.skills_count = 0; },
       "sparse_profile"},
      {"scam note", [](profile& p) { p.invitation_message = "Add me on WhatsApp dear"; }, "scam_note"},
      {"scam note in French", [](profile& p) { p.invitation_message = "Écrivez-moi sur Telegram, ma chérie"; }, "scam_note"},
      {"scam talk in the about", [](profile& p) { p.about = "Contact me on WhatsApp"; }, "scam_about"},
      {"headline contradicting the position",
       [](profile& p) { p.headline = "Investment Manager at Goldman Sachs"; p.current_title = "Fleuriste";
                        p.current_company = "Boutique Rose"; },
       "headline_mismatch"},
      {"digits in the name", [](profile& p) { p.name = "Anna Smith84"; }, "name_oddity"},
      {"emoji in the name", [](profile& p) { p.name = "Anna 💕"; }, "name_oddity"},
      {"name in capitals", [](profile& p) { p.name = "ANNA SMITH"; }, "name_oddity"},
      {"one-word name", [](profile& p) { p.name = "Jessica"; }, "name_oddity"},
      {"recent account", [](profile& p) { p.account_age_days = 5; }, "recent_account"},
      {"no verification shown", [](profile& p) { p.verified = false; }, "not_verified"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto p = ordinary();
      r.change(p);
      const auto a = assess(p, lexicons());
      REQUIRE(has_reason(a, r.code));
      CHECK(weight_of(a, r.code) > 0);
      for (const auto& why : a.reasons) CHECK_FALSE(why.detail.empty());
      CHECK(a.score > 0);
    }
  }
}

TEST_CASE("no single signal alone makes a profile high") {
  const assessment_rules rules;
  struct row {
    const char* name;
    void (*change)(profile&);
  };
  const row rows[] = {
      {"a real person without a photo", [](profile& p) { p.has_photo = false; }},
      {"a real hairdresser", [](profile& p) { p.current_title = "Coiffeuse"; p.headline = "Coiffeuse chez Salon Lila"; p.current_company = "Salon Lila"; }},
      {"a note that says everything",
       [](profile& p) { p.invitation_message = "My dear, send me money on WhatsApp for a bitcoin investment opportunity, sweetheart"; }},
      {"a name full of oddities", [](profile& p) { p.name = "JESSICA84💕"; }},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto p = ordinary();
      r.change(p);
      const auto a = assess(p, lexicons());
      CHECK(a.level != risk_level::high);
      CHECK(a.score < 100);
    }
  }
}

TEST_CASE("a real person without a photo alone is only low") {
  auto p = ordinary();
  p.has_photo = false;
  CHECK(assess(p, lexicons()).level == risk_level::low);
}

TEST_CASE("a fresh student account with no photo and few connections stays below medium") {
  auto p = ordinary();
  p.name = "Lucas Girard";
  p.current_title = "Étudiant en informatique";
  p.current_company = "INSA";
  p.headline = "Étudiant à INSA";
  p.has_photo = false;
  p.connections = 8;
  p.connections_plus = false;
  p.about = "";
  p.experience_count = 0;
  p.education_count = 1;
  p.skills_count = 0;
  p.account_age_days = 4;
  p.verified = false;
  const auto a = assess(p, lexicons());
  CHECK(a.level == risk_level::low);
  CHECK(a.score <= assessment_rules{}.newcomer_cap);
  // Everything noticed is still listed, and the weights add up to the score.
  CHECK(has_reason(a, "recent_account"));
  int sum = 0;
  for (const auto& r : a.reasons) sum += r.weight;
  CHECK(sum == a.score);
}

TEST_CASE("the seeds' fake: attractive hairdresser, romance note, off-platform") {
  auto p = ordinary();
  p.name = "Jessica";
  p.current_title = "Coiffeuse";
  p.current_company = "Indépendante";
  p.headline = "Coiffeuse";
  p.connections = 500;
  p.connections_plus = true;  // fakes buy or farm connections too
  p.invitation_message = "Bonjour mon cher, écrivez-moi sur WhatsApp pour mieux vous connaître";
  const auto a = assess(p, lexicons());
  CHECK(a.level == risk_level::high);
  CHECK(has_reason(a, "odd_title"));
  CHECK(has_reason(a, "scam_note"));
  CHECK(a.score <= 100);
}

const reason* find_reason(const assessment& a, const std::string& code) {
  for (const auto& r : a.reasons)
    if (r.code == code) return &r;
  return nullptr;
}

TEST_CASE("each reason carries what the extension words it from: its number, what was seen, the page's words") {
  auto p = ordinary();
  p.name = "JESSICA";
  p.current_title = "Coiffeuse";
  p.headline = "Coiffeuse";
  p.connections = 12;
  p.connections_plus = false;
  p.about = "";
  p.experience_count = 1;
  p.education_count = 0;
  p.skills_count = 0;
  p.account_age_days = 20;
  p.invitation_message = "Bonjour mon cher, écrivez-moi sur WhatsApp, appelez le 06 12 34 56 78";
  const auto a = assess(p, lexicons());

  const auto* title = find_reason(a, "odd_title");
  REQUIRE(title);
  CHECK(title->evidence == std::vector<std::string>{"coiffeur"});  // the lexicon's entry, as it is shown
  const auto* few = find_reason(a, "few_connections");
  REQUIRE(few);
  CHECK(few->value == 12);
  const auto* sparse = find_reason(a, "sparse_profile");
  REQUIRE(sparse);
  CHECK(sparse->kinds == std::vector<std::string>{"no_about", "one_experience", "no_education", "no_skills"});
  const auto* age = find_reason(a, "recent_account");
  REQUIRE(age);
  CHECK(age->value == 20);
  const auto* name = find_reason(a, "name_oddity");
  REQUIRE(name);
  CHECK(name->kinds == std::vector<std::string>{"all_caps", "one_word"});
  CHECK(name->evidence == std::vector<std::string>{"JESSICA"});
  const auto* note = find_reason(a, "scam_note");
  REQUIRE(note);
  CHECK(std::find(note->kinds.begin(), note->kinds.end(), "off_platform") != note->kinds.end());
  CHECK(std::find(note->kinds.begin(), note->kinds.end(), "contact_details") != note->kinds.end());
  // The phone number is a kind, never quoted: evidence holds the lexicon's phrases only.
  for (const auto& w : note->evidence) CHECK(w.find("06") == std::string::npos);
  CHECK_FALSE(note->evidence.empty());
}

TEST_CASE("trades and scam wording beyond the seeds' examples are recognised, ordinary wording is not") {
  struct row {
    const char* name;
    const char* title;
    const char* note;
    risk_level at_least;
    risk_level at_most;
  };
  const row rows[] = {
      {"a tattooist moving the talk to Signal", "Tatoueuse", "Coucou, ajoute-moi sur Signal, je passe rarement ici",
       risk_level::high, risk_level::high},
      {"a lash technician with a romance note", "Lash Technician", "Hello dear, I am a widower looking for a life partner",
       risk_level::medium, risk_level::high},
      {"a navy captain asking for money", "Navy Captain", "My salary is blocked, I will repay you",
       risk_level::medium, risk_level::high},
      {"a real hairdresser with a polite note", "Coiffeuse", "Bonjour, ravi de faire votre connaissance",
       risk_level::low, risk_level::low},
      {"a recruiter who wants to chat next week", "Technical Recruiter",
       "Hi, can we chat next week? I'm building a non-profit.", risk_level::none, risk_level::none},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      auto p = ordinary();
      p.current_title = r.title;
      p.headline = r.title;
      p.invitation_message = r.note;
      const auto a = assess(p, lexicons());
      CHECK(a.level >= r.at_least);
      CHECK(a.level <= r.at_most);
      for (const auto& why : a.reasons) CHECK_FALSE(why.detail.empty());
    }
  }
}

TEST_CASE("a shell account with an odd name and nothing filled in reaches medium") {
  profile p;
  p.network = "linkedin";
  p.name = "Anna84";
  p.has_photo = false;
  p.connections = 3;
  p.about = "";
  p.experience_count = 0;
  p.education_count = 0;
  p.skills_count = 0;
  p.account_age_days = 2;
  const auto a = assess(p, lexicons());
  CHECK(a.level >= risk_level::medium);
}

TEST_CASE("a verified identity lowers the score and says so") {
  auto p = ordinary();
  p.has_photo = false;
  p.current_title = "Coiffeuse";
  const auto without = assess(p, lexicons());
  p.verified = true;
  const auto with = assess(p, lexicons());
  CHECK(with.score < without.score);
  CHECK(weight_of(with, "verified") < 0);
}

TEST_CASE("a stale headline without the current company is not a contradiction") {
  auto p = ordinary();
  p.headline = "Analyst at KPMG";
  p.current_title = "Consultant";
  p.current_company.reset();
  CHECK_FALSE(has_reason(assess(p, lexicons()), "headline_mismatch"));
  p.current_company = "KPMG";
  CHECK_FALSE(has_reason(assess(p, lexicons()), "headline_mismatch"));
}

TEST_CASE("money talk in a banker's about section is ordinary") {
  auto p = ordinary();
  p.about = "I help families with investment planning, trading and crypto portfolios.";
  CHECK(assess(p, lexicons()).reasons.empty());
}

TEST_CASE("the score is capped at 100 and the result is deterministic") {
  profile p;
  p.network = "linkedin";
  p.name = "JESSICA84💕";
  p.has_photo = false;
  p.connections = 1;
  p.current_title = "Coiffeuse";
  p.current_company = "Salon";
  p.headline = "CEO at Goldman Sachs";
  p.about = "";
  p.experience_count = 0;
  p.education_count = 0;
  p.skills_count = 0;
  p.invitation_message = "My dear, add me on Telegram, bitcoin guaranteed returns, I came across your profile";
  p.account_age_days = 1;
  p.verified = false;
  const auto a = assess(p, lexicons());
  CHECK(a.score == 100);
  CHECK(a.level == risk_level::high);
  const auto b = assess(p, lexicons());
  CHECK(a.reasons.size() == b.reasons.size());
  for (std::size_t i = 0; i < a.reasons.size(); ++i) CHECK(a.reasons[i].detail == b.reasons[i].detail);
}

TEST_CASE("weights and thresholds come from the rules") {
  auto p = ordinary();
  p.has_photo = false;
  assessment_rules strict;
  strict.no_photo = 20;
  strict.low_from = 10;
  strict.medium_from = 20;
  const auto a = assess(p, lexicons(), strict);
  CHECK(a.score == 20);
  CHECK(a.level == risk_level::medium);
}

TEST_CASE("a user verdict overrides the level and is reported") {
  auto p = ordinary();
  p.current_title = "Coiffeuse";
  p.invitation_message = "add me on WhatsApp, my dear";
  SUBCASE("trusted makes it none, keeping the reasons") {
    auto a = assess(p, lexicons());
    REQUIRE(a.level != risk_level::none);
    apply_verdict(a, std::string("trusted"));
    CHECK(a.level == risk_level::none);
    CHECK(a.verdict == "trusted");
    CHECK_FALSE(a.reasons.empty());
  }
  SUBCASE("fake makes even a clean profile high") {
    auto a = assess(ordinary(), lexicons());
    apply_verdict(a, std::string("fake"));
    CHECK(a.level == risk_level::high);
    CHECK(a.verdict == "fake");
  }
  SUBCASE("no verdict leaves the computed level") {
    auto a = assess(p, lexicons());
    const auto before = a.level;
    apply_verdict(a, std::nullopt);
    CHECK(a.level == before);
    CHECK_FALSE(a.verdict);
  }
  SUBCASE("anything else is a bad request") {
    auto a = assess(p, lexicons());
    CHECK_THROWS_AS(apply_verdict(a, std::string("maybe")), vigie::error);
  }
}

TEST_CASE("level names are the protocol's") {
  CHECK(to_string(risk_level::none) == "none");
  CHECK(to_string(risk_level::low) == "low");
  CHECK(to_string(risk_level::medium) == "medium");
  CHECK(to_string(risk_level::high) == "high");
}

TEST_CASE("a phone number alone in a note is low, with a chat link it is medium, each explained") {
  const lexicon_set none;  // shapes only: no word list involved
  auto p = ordinary();
  p.invitation_message = "Bonjour, joignable au 06 12 34 56 78";
  auto a = assess(p, none);
  CHECK(a.level == risk_level::low);
  REQUIRE(a.reasons.size() == 1);
  CHECK(a.reasons[0].code == "scam_note");
  CHECK(a.reasons[0].detail.find("a phone number") != std::string::npos);
  p.invitation_message = "Bonjour, on continue ici : wa.me/33612345678";
  a = assess(p, none);
  CHECK(a.level == risk_level::medium);
  CHECK(a.reasons[0].detail.find("a private chat link") != std::string::npos);
}

TEST_CASE("the learned note model adds one explained reason, under the note's cap and as the same signal") {
  const lexicon_set none;
  const auto model = note_model::parse("bias -2\nthreshold 0.5\n40 w:whatsapp\n40 w:crypto\n");
  auto p = ordinary();
  struct row {
    const char* note;
    const lexicon_set* lex;
    int model_weight;  // 0: no note_model reason
    risk_level level;
  };
  for (const auto& r : std::vector<row>{
           {"Talk soon on whatsapp", &none, 40, risk_level::medium},
           {"Nice to meet you", &none, 0, risk_level::none},
           // The lexicons already give 40 (off-platform): the model adds up to the cap of 60, and a
           // note alone is one signal, so medium, not high.
           {"Talk soon on whatsapp", &lexicons(), 20, risk_level::medium},
           // Off-platform 40 + money 30 reach the cap: nothing left for the model.
           {"Add me on whatsapp for crypto trading", &lexicons(), 0, risk_level::medium},
       }) {
    CAPTURE(r.note);
    p.invitation_message = r.note;
    const auto a = assess(p, *r.lex, text_models{&model, nullptr});
    const auto it = std::find_if(a.reasons.begin(), a.reasons.end(),
                                 [](const reason& x) { return x.code == "note_model"; });
    if (r.model_weight == 0) {
      CHECK(it == a.reasons.end());
    } else {
      REQUIRE(it != a.reasons.end());
      CHECK(it->weight == r.model_weight);
      CHECK(it->detail.find("\u201cwhatsapp\u201d") != std::string::npos);
    }
    CHECK(a.level == r.level);
  }
  SUBCASE("without a model, or without a note, nothing is added") {
    p.invitation_message = "Talk soon on whatsapp";
    CHECK(assess(p, none, text_models{}).reasons.empty());
    p.invitation_message.reset();
    CHECK(assess(p, none, text_models{&model, nullptr}).reasons.empty());
  }
}

TEST_CASE("a note in the wording the user marked fake carries a reason saying so") {
  const lexicon_set none;
  user_wording wording;
  wording.counts["b:kindly reply"] = {1, 0};
  wording.counts["b:reply soon"] = {1, 0};
  wording.counts["b:soon dear"] = {1, 0};
  auto p = ordinary();
  p.invitation_message = "Kindly reply soon dear";
  const auto a = assess(p, none, text_models{nullptr, &wording});
  REQUIRE(a.reasons.size() == 1);
  CHECK(a.reasons[0].code == "user_wording");
  CHECK(a.reasons[0].weight == 40);
  CHECK(a.reasons[0].detail.find("you marked as fake") != std::string::npos);
  CHECK(a.level == risk_level::medium);
  p.invitation_message = "Kindly reply when you can, about the role";
  CHECK(assess(p, none, text_models{nullptr, &wording}).reasons.empty());
}
