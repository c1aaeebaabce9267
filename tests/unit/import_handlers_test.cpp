// import.batch (app/handlers/import_handlers.cpp): idempotent, connections accept pending invitations;
// through the real dispatcher on a :memory: database (ledger_fixture.hpp).
#include <doctest/doctest.h>

#include "domain/limits.hpp"
#include "ledger_fixture.hpp"

using namespace vigie;
using namespace vigie::testing;
using json = nlohmann::json;

TEST_CASE("import.batch is idempotent and connections accept pending invitations") {
  ledger_fixture f;
  const json batch = {{"type", "import.batch"},
                      {"source", "import"},
                      {"invitations", json::array({{{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("i1")}, {"name", "I One"}}},
                                                    {"direction", "sent"}, {"created_at", 1'780'000'000'000}, {"note", "Hi"}},
                                                   {{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("i2")}}},
                                                    {"direction", "received"}, {"created_at", 1'780'000'100'000}}})},
                      {"connections", json::array({{{"profile", {{"network", "linkedin"}, {"profile_url", linkedin("i1")}}},
                                                    {"connected_on", 1'781'000'000'000}}})}};
  const auto first = f.ok(batch);
  CHECK(first["invitations_added"] == 2);
  CHECK(first["invitations_known"] == 0);
  CHECK(first["connections_added"] == 1);
  const auto second = f.ok(batch);
  CHECK(second["invitations_added"] == 0);
  CHECK(second["invitations_known"] == 2);
  CHECK(second["connections_added"] == 0);
  const auto p = f.ok({{"type", "person.get"}, {"profile_url", linkedin("i1")}});
  REQUIRE(p["invitations"].size() == 1);
  CHECK(p["invitations"][0]["status"] == "accepted");
  CHECK(p["invitations"][0]["source"] == "import");
}
