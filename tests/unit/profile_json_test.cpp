// JSON ⇄ profile record and assessment.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/profile_json.hpp"
#include "common/error.hpp"

using namespace vigie;
using json = nlohmann::json;

namespace {

errc code_of(const json& j, app::identity ids = app::identity::required) {
  try {
    app::profile_from_json(j, ids);
  } catch (const vigie::error& e) {
    return e.code();
  }
  return errc::internal;  // "did not throw"
}

json minimal() { return json{{"network", "linkedin"}, {"profile_url", "https://www.linkedin.com/in/x/"}}; }

}  // namespace

TEST_CASE("a full record converts field by field and back") {
  const json j = {{"network", "viadeo"},
                  {"profile_url", "https://www.viadeo.com/fr/profile/x"},
                  {"name", "Élodie Faure"},
                  {"headline", "Fleuriste"},
                  {"has_photo", false},
                  {"connections", 500},
                  {"connections_plus", true},
                  {"followers", 12},
                  {"location", "Nantes"},
                  {"about", ""},
                  {"experience_count", 1},
                  {"education_count", 0},
                  {"skills_count", 3},
                  {"current_title", "Fleuriste"},
                  {"current_company", "Boutique"},
                  {"degree", 2},
                  {"invitation_message", "Bonjour"},
                  {"account_age_days", 30},
                  {"verified", false}};
  const auto p = app::profile_from_json(j);
  CHECK(p.network == "viadeo");
  CHECK(p.name == "Élodie Faure");
  CHECK(p.has_photo == false);
  CHECK(p.connections == 500);
  CHECK(p.about == "");
  CHECK(p.degree == 2);
  CHECK(p.verified == false);
  CHECK(app::to_json(p) == j);
}

TEST_CASE("absent and null fields stay not observed; unknown fields are ignored") {
  auto j = minimal();
  j["has_photo"] = nullptr;
  j["_label"] = "fake";
  j["something_new"] = json::object();
  const auto p = app::profile_from_json(j);
  CHECK_FALSE(p.has_photo);
  CHECK_FALSE(p.name);
  CHECK_FALSE(p.connections);
  CHECK(app::to_json(p) == minimal());
}

TEST_CASE("wrong types and impossible values are bad requests") {
  struct row {
    const char* field;
    json value;
  };
  const row rows[] = {
      {"name", 3},          {"has_photo", "yes"},     {"connections", "500+"}, {"connections", 12.5},
      {"connections", -1},  {"degree", 4},            {"degree", 0},           {"verified", 1},
      {"about", json::array()}, {"account_age_days", true}, {"network", "xing"}, {"profile_url", ""},
  };
  for (const auto& r : rows) {
    SUBCASE((std::string(r.field) + " = " + r.value.dump()).c_str()) {
      auto j = minimal();
      j[r.field] = r.value;
      CHECK(code_of(j) == errc::bad_request);
    }
  }
  CHECK(code_of(json::array()) == errc::bad_request);
  CHECK(code_of(json{{"name", "x"}}) == errc::bad_request);
}

TEST_CASE("integral doubles are accepted as counts") {
  auto j = minimal();
  j["connections"] = 42.0;
  CHECK(app::profile_from_json(j).connections == 42);
}

TEST_CASE("identity::optional accepts records without network and URL") {
  const auto p = app::profile_from_json(json{{"name", "Anna"}}, app::identity::optional);
  CHECK(p.network.empty());
  CHECK(p.name == "Anna");
  CHECK(code_of(json{{"name", 3}}, app::identity::optional) == errc::bad_request);
}

TEST_CASE("an assessment serialises to the protocol shape") {
  domain::assessment a;
  a.score = 40;
  a.level = domain::risk_level::medium;
  a.reasons = {{"no_photo", 15, "no profile photo"}, {"verified", -15, "verified"}};
  const auto j = app::to_json(a);
  CHECK(j == json{{"score", 40},
                  {"level", "medium"},
                  {"reasons",
                   {{{"code", "no_photo"}, {"weight", 15}, {"detail", "no profile photo"}},
                    {{"code", "verified"}, {"weight", -15}, {"detail", "verified"}}}},
                  {"verdict", nullptr}});
  a.verdict = "fake";
  CHECK(app::to_json(a)["verdict"] == "fake");
}

#include "ledger_fixture.hpp"

TEST_CASE("profile.assess answers the assessment and honours the user's lexicon settings") {
  vigie::testing::ledger_fixture f;
  const json profile = {{"network", "linkedin"},
                        {"profile_url", vigie::testing::linkedin("anna")},
                        {"current_title", "Zorbologue"},  // in no shipped lexicon, whatever they grow to
                        {"invitation_message", "add me on WhatsApp"}};
  auto r = f.ok({{"type", "profile.assess"}, {"profile", profile}});
  CHECK(r["level"] == "medium");
  REQUIRE(r["reasons"].size() == 2);  // the lexicon's scam_note and the learned model's note_model
  CHECK(r["reasons"][0]["code"] == "scam_note");
  CHECK(r["reasons"][1]["code"] == "note_model");
  CHECK(r["verdict"].is_null());

  f.ok({{"type", "settings.set"}, {"settings", {{"lexicon.odd_titles.add", {"zorbologue"}}}}});
  r = f.ok({{"type", "profile.assess"}, {"profile", profile}});
  CHECK(r["reasons"].size() == 3);
  CHECK(r["reasons"][0]["code"] == "odd_title");

  SUBCASE("a verdict the user gave the person overrides the level") {
    f.ok({{"type", "profile.seen"}, {"profile", profile}});
    f.ok({{"type", "person.mark"}, {"profile_url", profile["profile_url"]}, {"verdict", "trusted"}});
    r = f.ok({{"type", "profile.assess"}, {"profile", profile}});
    CHECK(r["level"] == "none");
    CHECK(r["verdict"] == "trusted");
    CHECK(r["reasons"].size() == 3);
  }
  SUBCASE("a URL that is not a profile is a bad request") {
    auto bad = profile;
    bad["profile_url"] = "https://www.linkedin.com/feed/";
    CHECK(f.call({{"type", "profile.assess"}, {"profile", bad}})["error"]["code"] == "bad_request");
  }
  SUBCASE("a missing or ill-typed profile is a bad request") {
    CHECK(f.call({{"type", "profile.assess"}})["error"]["code"] == "bad_request");
    CHECK(f.call({{"type", "profile.assess"}, {"profile", {{"network", "linkedin"}}}})["error"]["code"] ==
          "bad_request");
  }
}
