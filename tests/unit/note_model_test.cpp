// The learned note model: its features, its explanations, and the shipped
// model's scores as scripts/note_model/train.py computes them.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "domain/note_model.hpp"

using namespace vigie;
using namespace vigie::domain;

namespace {

const note_model& shipped() {
  static const note_model model = [] {
    std::ifstream in(std::filesystem::path(VIGIE_SOURCE_DIR) / "data" / "models" / "note_model.txt");
    std::stringstream text;
    text << in.rdbuf();
    return note_model::parse(text.str());
  }();
  return model;
}

}  // namespace

TEST_CASE("note words are folded, split on anything but letters and digits, with digits as zeros") {
  struct row {
    const char* note;
    std::vector<std::string> words;
  };
  for (const auto& r : std::vector<row>{
           {"Écrivez-moi, Chérie!", {"ecrivez", "moi", "cherie"}},
           {"Call +44 7700 900123", {"call", "00", "0000", "000000"}},
           {"WhatsApp\u00a0me", {"whatsapp", "me"}},
           {"", {}},
       }) {
    CAPTURE(r.note);
    CHECK(note_words(r.note) == r.words);
  }
}

TEST_CASE("word features are the words and neighbouring pairs, each once") {
  CHECK(word_features({"add", "me", "add", "me"}) ==
        std::vector<std::string>{"w:add", "b:add me", "w:me", "b:me add"});
}

TEST_CASE("a note model explains a score by the words that weighed most towards scam") {
  const auto m = note_model::parse(
      "# test model\nbias -1\nthreshold 0.5\n2.0 w:whatsapp\n1.0 b:add me\n-3.0 w:meetup\n0.5 c:app \n");
  CHECK(m.size() == 4);
  CHECK(m.threshold() == doctest::Approx(0.5));
  SUBCASE("the strongest word first, word pairs as evidence, reassuring words left out") {
    const auto e = m.score("Add me on WhatsApp after the meetup");
    CHECK(e.words == std::vector<std::string>{"whatsapp", "add me"});
  }
  SUBCASE("a note with nothing the model knows has the bias's probability") {
    CHECK(m.score("hello there").probability == doctest::Approx(1.0 / (1.0 + std::exp(1.0))));
    CHECK(m.score("hello there").words.empty());
  }
  SUBCASE("at most the number of words asked for") {
    CHECK(m.score("Add me on WhatsApp", 1).words == std::vector<std::string>{"whatsapp"});
  }
}

TEST_CASE("evidence leaves out words of fewer than 3 letters and numbers") {
  const auto m = note_model::parse("bias 0\nthreshold 0.5\n5 w:on\n5 w:0000\n1 w:prize\n4 b:on 0000\n");
  CHECK(m.score("Win on 1234 prize").words == std::vector<std::string>{"prize"});
}

TEST_CASE("a malformed note model line is an internal error") {
  for (const char* text : {"bias\n", "bias x\n", "0.5\n", "abc w:x\n", "threshold 0.5 0.6\n"}) {
    CAPTURE(text);
    CHECK_THROWS_AS(note_model::parse(text), error);
  }
}

// Pinned from `python3 scripts/note_model/train.py --score ...` on the shipped
// model: the C++ features and scores are the training script's.
TEST_CASE("the shipped note model scores notes as its training script does") {
  struct row {
    const char* note;
    double probability;
    bool flagged;
  };
  for (const auto& r : std::vector<row>{
           {"Hello dear, I am new here. Add me on WhatsApp so we can talk about a crypto investment with daily profit",
            0.716448, true},
           {"Hi Marie, I enjoyed your talk at the DevOps meetup last week; I would be glad to connect.", 0.000650,
            false},
           {"Bonjour, je recrute un développeur C++ pour une PME lyonnaise, seriez-vous ouvert à un échange ?",
            0.029457, false},
           {"Congratulations! You have won a 1000 cash prize. Call 09061701461 to claim now", 0.953237, true},
           {"Bonjour ma chérie, écris-moi sur Telegram, je suis veuve et seule", 0.969368, true},
       }) {
    CAPTURE(r.note);
    const auto e = shipped().score(r.note);
    CHECK(e.probability == doctest::Approx(r.probability).epsilon(1e-4));
    CHECK((e.probability > shipped().threshold()) == r.flagged);
    CHECK(e.words.size() <= 3);
    if (r.flagged) CHECK_FALSE(e.words.empty());
  }
}
