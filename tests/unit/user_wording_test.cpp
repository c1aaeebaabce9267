// The user's own wording model: notes that repeat wording the user marked fake.
#include <doctest/doctest.h>

#include "domain/note_model.hpp"
#include "domain/user_wording.hpp"

using namespace vigie::domain;

namespace {

user_wording marked(std::initializer_list<std::pair<const char*, std::pair<int, int>>> counts) {
  user_wording w;
  for (const auto& [f, c] : counts) w.counts[f] = c;
  return w;
}

}  // namespace

TEST_CASE("a note is matched by the share of its word pairs seen only in notes marked fake, three at least") {
  const auto wording = marked({{"b:add me", {1, 0}}, {"b:me on", {2, 0}}, {"b:on telegram", {1, 0}},
                               {"b:hello there", {1, 1}}, {"b:there add", {1, 0}}, {"w:hi", {1, 0}},
                               {"b:call me", {1, 0}}, {"b:me now", {1, 0}}});
  struct row {
    const char* note;
    double share;  // -1: no match
    std::vector<std::string> words;
  };
  for (const auto& r : std::vector<row>{
           {"Add me on Telegram", 1.0, {"add me", "me on", "on telegram"}},
           {"please add me on Telegram", 0.75, {"add me", "me on", "on telegram"}},
           {"Hello there add me on Telegram", 0.8, {"there add", "add me", "me on"}},  // hello there: trusted too
           {"please add me on Signal", -1, {}},  // two pairs only
           {"Call me now", -1, {}},              // two everyday pairs
           {"Hi", -1, {}},                       // no pair
           {"Nice to meet you", -1, {}},
           {"", -1, {}},
       }) {
    CAPTURE(r.note);
    const auto e = match_user_wording(note_words(r.note), wording);
    if (r.share < 0) {
      CHECK_FALSE(e);
    } else {
      REQUIRE(e);
      CHECK(e->share == doctest::Approx(r.share));
      CHECK(e->words == r.words);
    }
  }
}
