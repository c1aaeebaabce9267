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
           // Typographic spaces of French text (no-break, narrow no-break) do not hide a shape.
           row{"joignable au 06\u00a012\u00a034\u00a056\u00a078", "contact_details"},
           row{"+33\u202f6\u202f12\u202f34\u202f56\u202f78", "contact_details"},
           row{"un rendement de 30\u202f%", "money"},
           row{"2\u00a0000\u00a0\u20ac par semaine", "money"},
           // Numbers side by side are not one phone number; a year is not an amount.
           row{"I was at Acme 2019-2024 (5 years) too", ""},
           row{"meetup on 12/11/2026 19:00", ""},
           row{"Meeting 2026-11-22 14 h", ""},
           row{"Worked there 2015-2020 3 projects", ""},
           row{"100 000 000 users served", ""},
           row{"PhD 2019 ETH Zurich", ""},
           row{"phone 555-010-4477", "contact_details"},
           // A link needs its path: "signal.Merci" is a missing space, not Signal.
           row{"traitement du signal.Merci de m'accepter", ""},
           row{"https://signal.me/#p/+15550104477", "off_platform,contact_details"},
       }) {
    CAPTURE(r.note);
    CHECK(categories(r.note) == r.expected);
  }
}
