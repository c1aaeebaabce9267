// Folding and word splitting: the ground the lexicon matching stands on.
#include <doctest/doctest.h>

#include "domain/text_fold.hpp"

using namespace vigie::domain;

TEST_CASE("fold removes case and common Latin accents") {
  struct row {
    const char* in;
    const char* out;
  };
  const row rows[] = {
      {"Coiffeuse", "coiffeuse"},
      {"BOUCHÈRE", "bouchere"},
      {"Charcutière", "charcutiere"},
      {"Pâtissière à Nîmes", "patissiere a nimes"},
      {"Façade Noël über", "facade noel uber"},
      {"Œuvre Cœur ÆSIR", "oeuvre coeur aesir"},
      {"Straße", "strasse"},
      {"Łódź Škoda", "lodz skoda"},
      {"l\u2019argent", "l'argent"},
      {"plain ascii 123", "plain ascii 123"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.in) { CHECK(fold(r.in) == r.out); }
  }
}

TEST_CASE("fold keeps characters it does not know, and repairs broken UTF-8") {
  CHECK(fold("Anna 💕") == "anna 💕");
  CHECK(fold("Иван") == "Иван");
  CHECK(fold("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");  // U+FFFD
  CHECK(fold("cut at end \xE2\x82") == "cut at end \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("tokenize splits on anything that is not a letter or a digit") {
  CHECK(tokenize(fold("Écris-moi sur WhatsApp: +33 6!")) ==
        std::vector<std::string>{"ecris", "moi", "sur", "whatsapp", "33", "6"});
  CHECK(tokenize("") .empty());
  CHECK(tokenize("💕 ✨").empty());
}

TEST_CASE("normalize_word brings feminine and plural forms together") {
  struct row {
    const char* a;
    const char* b;
  };
  const row same[] = {
      {"coiffeuse", "coiffeur"},     {"coiffeuses", "coiffeur"},     {"charcutiere", "charcutier"},
      {"charcutieres", "charcutier"}, {"bouchere", "boucher"},         {"boucheres", "bouchers"},
      {"estheticienne", "estheticien"}, {"directrice", "directeur"}, {"avocate", "avocat"},
      {"employee", "employe"},       {"hairdressers", "hairdresser"}, {"butchers", "butcher"},
      {"cherie", "cheri"},           {"bijoux", "bijou"},
  };
  for (const auto& r : same) {
    SUBCASE(r.a) { CHECK(normalize_word(r.a) == normalize_word(r.b)); }
  }
}

TEST_CASE("normalize_word leaves short words and double s alone") {
  CHECK(normalize_word("bus") == "bus");
  CHECK(normalize_word("business") == "business");
  CHECK(normalize_word("mer") == "mer");
  CHECK(normalize_word("crypto") == "crypto");
}
