// app/note_models: the shipped note model and the user's verdicts in the
// assessments the host stores and returns.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/note_models.hpp"
#include "ledger_fixture.hpp"
#include "sql_probe.hpp"

using namespace vigie;
using namespace vigie::testing;
using nlohmann::json;

namespace {

json received(const std::string& slug, const std::string& note) {
  return {{"type", "invitation.received"},
          {"invitations", json::array({{{"profile", {{"network", "linkedin"}, {"profile_url", linkedin(slug)},
                                                     {"name", "Sam Lee"}, {"has_photo", true}}},
                                        {"note", note}}})}};
}

json reason(const json& assessment, const std::string& code) {
  for (const auto& r : assessment["reasons"]) {
    if (r["code"] == code) return r;
  }
  return nullptr;
}

// Wording no lexicon knows and the shipped model does not flag.
const std::string plain_scam = "Greetings kind sir, kindly reply to my proposal regarding the shipment of goods";

}  // namespace

TEST_CASE("the shipped note model is found in the source tree and loaded once") {
  REQUIRE(app::find_note_model());
  const auto* model = app::shipped_note_model();
  REQUIRE(model != nullptr);
  CHECK(model == app::shipped_note_model());
  CHECK(model->size() > 1000);
}

TEST_CASE("a note the shipped model flags carries its reason with the words that weighed most") {
  ledger_fixture f;
  // No lexicon entry and no note shape here: the model alone.
  const auto r = f.ok(received("bonus", "You have been selected for a free bonus, reply YES to claim your reward today"));
  const auto why = reason(r["assessments"][0]["assessment"], "note_model");
  REQUIRE(why.is_object());
  CHECK(why["weight"] == 40);
  CHECK(why["detail"].get<std::string>().find("learned model") != std::string::npos);
  CHECK(why["detail"].get<std::string>().find("\u201cfree\u201d") != std::string::npos);
  CHECK(r["assessments"][0]["assessment"]["level"] == "medium");
}

TEST_CASE("wording the user marked fake once is recognised in the next note, until they take it back") {
  ledger_fixture f;
  const auto first = f.ok(received("first", plain_scam));
  CHECK(reason(first["assessments"][0]["assessment"], "user_wording").is_null());
  f.ok({{"type", "person.mark"}, {"profile_url", linkedin("first")}, {"verdict", "fake"}});

  const auto next = f.ok(received("second", "Greetings kind sir, kindly reply to my proposal regarding the gold"));
  const auto why = reason(next["assessments"][0]["assessment"], "user_wording");
  REQUIRE(why.is_object());
  CHECK(why["weight"] == 40);
  CHECK(why["detail"].get<std::string>().find("you marked as fake") != std::string::npos);

  SUBCASE("an ordinary note sharing a few words is not matched") {
    const auto other = f.ok(received("third", "Hello, kindly reply when you have a minute about the offer"));
    CHECK(reason(other["assessments"][0]["assessment"], "user_wording").is_null());
  }
  SUBCASE("the verdict taken back") {
    f.ok({{"type", "person.mark"}, {"profile_url", linkedin("first")}, {"verdict", nullptr}});
    const auto later = f.ok({{"type", "profile.assess"},
                             {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("fourth")},
                                          {"invitation_message", plain_scam}}}});
    CHECK(reason(later, "user_wording").is_null());
  }
  SUBCASE("the person forgotten") {
    f.ok({{"type", "person.forget"}, {"profile_url", linkedin("first")}});
    CHECK(vigie::test::scalar(f.db, "SELECT count(*) FROM verdict_words") == 0);
  }
  SUBCASE("the same wording marked trusted elsewhere") {
    f.ok(received("friend", plain_scam));
    f.ok({{"type", "person.mark"}, {"profile_url", linkedin("friend")}, {"verdict", "trusted"}});
    const auto later = f.ok({{"type", "profile.assess"},
                             {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("fifth")},
                                          {"invitation_message", plain_scam}}}});
    CHECK(reason(later, "user_wording").is_null());
  }
}
