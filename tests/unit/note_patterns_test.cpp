// The shapes of an invitation note that word lists cannot keep up with.
#include <doctest/doctest.h>

#include <string>

#include "domain/note_patterns.hpp"

using namespace vigie::domain;

namespace {

std::string categories(std::string_view text) {
  std::string out;
  for (const auto& p : find_note_patterns(text)) out += (out.empty() ? "" : ",") + p.category;
  return out;
}

}  // namespace

TEST_CASE("note patterns find contact details, chat links and amounts, and leave ordinary notes alone") {
  struct row {
    const char* note;
    const char* expected;
  };
  for (const auto& r : {
           row{"Appelez-moi au 06 12 34 56 78", "contact_details"},
           row{"my number: +1 (555) 010-4477", "contact_details"},
           row{"écrivez à jeanne.martin_75@mail-box.fr", "contact_details"},
           row{"join me https://t.me/goldsignals", "off_platform"},
           row{"here: wa.me/15550104477", "off_platform,contact_details"},
           row{"returns of 30% a month", "money"},
           row{"rendement de 12,5 % garanti", "money"},
           row{"I started with $500", "money"},
           row{"j'ai gagné 2 000 € la semaine dernière", "money"},
           row{"send 0.05 BTC to start", "money"},
           row{"package 60k€", "money"},
           row{"Hello, 100% remote role, interested?", ""},
           row{"Bonjour, poste 100 % télétravail", ""},
           row{"I worked there 2019-2024, happy to connect", ""},
           row{"meeting on 2026-11-22 at 10:30", ""},
           row{"5 years in C++ and Python 3.11", ""},
           row{"Ravi d'échanger avec vous @ Paris", ""},
           row{"see you at the meetup @jane", ""},
       }) {
    CAPTURE(r.note);
    CHECK(categories(r.note) == r.expected);
  }
}
