// Regression tests for what fuzzing found (tests/fuzz/, docs/FUZZING.md).
// Each case names the fuzz target and the input file kept under
// tests/fuzz/regressions/<target>/, which fuzz.sh also replays.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/context.hpp"
#include "unit/ledger_fixture.hpp"
#include "app/dispatcher.hpp"
#include "common/error.hpp"
#include "domain/clock.hpp"
#include "protocol/message.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace {

using json = nlohmann::json;

// The real handlers over a migrated :memory: database.
using fixture = vigie::testing::ledger_fixture;

}  // namespace

// fuzz_dispatcher, regressions/dispatcher/number-overflow-id: a number beyond
// double range made nlohmann throw out_of_range (not parse_error); it escaped
// the dispatcher and std::terminate killed the host.
TEST_CASE("regression: a number out of double range is bad_json, not a crash") {
  for (const char* text : {R"({"id":1.5e999,"type":"hello"})", R"({"id":1,"type":"hello","x":-1e400})",
                           R"({"id":1,"type":"hello","x":[1e309]})"}) {
    CAPTURE(text);
    try {
      vigie::protocol::parse_object(text);
      FAIL("parse_object accepted an out-of-range number");
    } catch (const vigie::error& e) {
      CHECK(e.code() == vigie::errc::bad_json);
    }
    fixture f;
    const auto reply = json::parse(f.d.handle(text));
    CHECK(reply["ok"] == false);
    CHECK(reply["id"].is_null());
    CHECK(reply["error"]["code"] == "bad_json");
  }
}

TEST_CASE("regression: the request after an out-of-range number in the same batch is still served") {
  fixture f;
  const auto replies = f.d.handle_batch({R"({"id":1,"type":"hello","n":2e308})", R"({"id":2,"type":"hello"})"});
  REQUIRE(replies.size() == 2);
  CHECK(json::parse(replies[0])["error"]["code"] == "bad_json");
  CHECK(json::parse(replies[1])["ok"] == true);
  CHECK(json::parse(replies[1])["id"] == 2);
}
