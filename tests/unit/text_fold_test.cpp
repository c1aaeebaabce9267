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
      {"Ørsted Þór Ħal Đorđe Ŧ", "orsted thor hal dorde t"},
      {"DİYARBAKIR ılık", "diyarbakir ilik"},  // Turkish dotted capital İ and dotless ı
      {"1\u00A0000\u202F€ 9\u2009%", "1 000 € 9 %"},
      {"Jean\u2010Luc \u2013 \u2014 co\u2011op", "jean-luc - - co-op"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.in) { CHECK(fold(r.in) == r.out); }
  }
}

TEST_CASE("fold follows Unicode where the old Latin tables stopped") {
  struct row {
    const char* what;
    const char* in;
    const char* out;
  };
  const row rows[] = {
      {"fullwidth letters", "ＣＲＹＰＴＯ Ｔｒａｄｅｒ", "crypto trader"},
      {"mathematical bold and italic", "𝐂𝐫𝐲𝐩𝐭𝐨 𝑇𝑟𝑎𝑑𝑒𝑟", "crypto trader"},
      {"ligatures", "ﬁnance oﬃce ﬆyle", "finance office style"},
      {"circled and superscript", "Ⓒⓡⓨⓟⓣⓞ x²", "crypto x2"},
      {"combining marks (decomposed input)", "Ele\u0301onore Mu\u0308ller", "eleonore muller"},
      {"stacked combining marks", "z\u0336\u0301a\u0337lgo", "zalgo"},
      {"soft hyphen and zero-width characters", "cr\u00ADyp\u200Bto in\u200Dvest\u2060ment", "crypto investment"},
      {"bidi controls", "\u202Eevil\u202C name", "evil name"},
      {"Greek case folding, final sigma", "ΟΔΥΣΣΕΥΣ Ὀδυσσεύς", "οδυσσευσ οδυσσευσ"},
      {"Cyrillic case folding", "Иван ПЕТРОВ", "иван петров"},
      {"Kelvin and Angstrom signs", "\u212A\u212B", "ka"},
      {"German sharp s, capital too", "STRAẞE", "strasse"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.what) { CHECK(fold(r.in) == r.out); }
  }
}

TEST_CASE("fold keeps lookalikes from other scripts apart from Latin") {
  struct row {
    const char* what;
    const char* lookalike;
    const char* latin;
  };
  const row rows[] = {
      {"Cyrillic a, e, o, c, p", "\u0430\u0435\u043E\u0441\u0440", "aeocp"},
      {"Cyrillic capital C in a Latin word", "\u0421rypto", "crypto"},
      {"Greek omicron and alpha", "\u03BF\u03B1", "oa"},
      {"Greek capital Alpha, Beta, Eta", "\u0391\u0392\u0397", "abh"},
  };
  for (const auto& r : rows) {
    SUBCASE(r.what) {
      CHECK(fold(r.lookalike) != fold(r.latin));
      CHECK(tokenize(fold(r.lookalike)) != tokenize(fold(r.latin)));
    }
  }
}

TEST_CASE("fold keeps characters it does not know, and repairs broken UTF-8") {
  CHECK(fold("Anna 💕") == "anna 💕");
  CHECK(fold("李 小龍") == "李 小龍");
  CHECK(fold("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");  // U+FFFD
  CHECK(fold("cut at end \xE2\x82") == "cut at end \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(fold("\xC0\xAF overlong, \xED\xA0\x80 surrogate, \xF4\x90\x80\x80 too high, \xFF") ==
        "\xEF\xBF\xBD\xEF\xBF\xBD overlong, \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate, "
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD too high, \xEF\xBF\xBD");
  CHECK(fold(std::string("nul\0inside \xC3\x89", 13)) == std::string("nul\0inside e", 12));
}

TEST_CASE("utf8_sequence and decode_utf8 accept UTF-8 only") {
  char32_t cp = 0;
  CHECK(utf8_sequence("\xC3\xA9", 0, cp) == 2);
  CHECK(cp == U'é');
  CHECK(utf8_sequence("\xF0\x9F\x92\x95", 0, cp) == 4);
  CHECK(cp == U'💕');
  CHECK(utf8_sequence("\xC3", 0, cp) == 0);              // truncated
  CHECK(utf8_sequence("\xC0\x80", 0, cp) == 0);          // overlong NUL
  CHECK(utf8_sequence("\xE0\x80\xAF", 0, cp) == 0);      // overlong slash
  CHECK(utf8_sequence("\xED\xBF\xBF", 0, cp) == 0);      // surrogate
  CHECK(utf8_sequence("\xF4\x90\x80\x80", 0, cp) == 0);  // beyond U+10FFFF
  CHECK(utf8_sequence("\x80", 0, cp) == 0);              // lone continuation byte
  CHECK(decode_utf8("a\xFF" "b\xC3\xA9") == std::u32string{U'a', 0xFFFD, U'b', U'é'});
  std::string out;
  for (char32_t c : {U'a', U'é', U'€', U'💕'}) append_utf8(out, c);
  CHECK(out == "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x92\x95");
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
