// Regression tests for what the bad-input catalogue (docs/BAD_INPUT.md) found
// in the dispatcher: every request gets exactly one reply, and no reply is
// over the 1 MiB frame limit (the transport drops such a frame, which left the
// extension waiting for an answer that never came).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/context.hpp"
#include "unit/ledger_fixture.hpp"
#include "app/dispatcher.hpp"
#include "domain/clock.hpp"
#include "protocol/frame_codec.hpp"
#include "protocol/message.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace {

using json = nlohmann::json;

// The real handlers over a migrated :memory: database.
using fixture = vigie::testing::ledger_fixture;

constexpr std::size_t mib = 1024 * 1024;

}  // namespace

TEST_CASE("regression: a 16 MiB unknown type gets a small unknown_type reply") {
  fixture f;
  const std::string reply = f.d.handle(json{{"id", 9}, {"type", std::string(16 * mib, 'x')}}.dump());
  CHECK(reply.size() < 4096);
  const auto r = json::parse(reply);
  CHECK(r["id"] == 9);
  CHECK(r["error"]["code"] == "unknown_type");
}

TEST_CASE("regression: a 2 MiB string id gets a too_large reply with id null instead of no reply") {
  fixture f;
  const std::string reply = f.d.handle(json{{"id", std::string(2 * mib, 'i')}, {"type", "hello"}}.dump());
  CHECK(reply.size() <= vigie::protocol::max_outbound_bytes);
  const auto r = json::parse(reply);
  CHECK(r["ok"] == false);
  CHECK(r["id"].is_null());
  CHECK(r["error"]["code"] == "too_large");
}

TEST_CASE("regression: a bad_json reply quoting a 4 MiB token stays small and keeps its code") {
  fixture f;
  // Invalid UTF-8 at the end of a long string: the parser's message quotes the token read so far.
  const std::string payload = "{\"id\":1,\"type\":\"hello\",\"x\":\"" + std::string(4 * mib, 'a') + "\xff\"}";
  const std::string reply = f.d.handle(payload);
  CHECK(reply.size() < 4096);
  CHECK(json::parse(reply)["error"]["code"] == "bad_json");
}

TEST_CASE("regression: error_reply caps the human message") {
  const auto r = json::parse(vigie::protocol::error_reply(1, vigie::errc::bad_request, std::string(mib, 'm')));
  CHECK(r["error"]["message"].get<std::string>().size() < 2048);
  CHECK(r["error"]["code"] == "bad_request");
}

// Found by the bad-input catalogue (case T112) under UBSan: "at": 1e300 was
// cast to int64 before its range was checked (undefined behaviour; release
// builds happened to refuse it). The contract: an integer field given a float
// beyond 64-bit integers is bad_request, and nothing is written.
TEST_CASE("regression: invitation.sent with at = 1e300 is bad_request") {
  fixture f;
  const auto r = json::parse(f.d.handle(
      R"({"id":1,"type":"invitation.sent","profile":{"network":"linkedin","profile_url":"https://www.linkedin.com/in/ada/"},"note":"","at":1e300})"));
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "bad_request");
  auto& count = f.db.prepare("SELECT count(*) FROM invitations");
  REQUIRE(count.step());
  CHECK(count.column_int(0) == 0);
  count.reset();
}

TEST_CASE("regression: settings.set with an integer setting of 1e300 is refused without undefined behaviour") {
  fixture f;
  auto r = nlohmann::json::parse(f.d.handle(R"({"id":1,"type":"settings.set","settings":{"linkedin.free.daily_limit":1e300}})"));
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "bad_request");
}

// Found by fuzz_dispatcher on 2026-12-06: since profile_url became optional,
// invitation.check without one reached settings::limits with an unknown network
// and answered `internal` (no settings keys for it) instead of bad_request.
TEST_CASE("regression: invitation.check without profile_url and with an unknown network is bad_request") {
  fixture f;
  const auto r = json::parse(f.d.handle(
      R"({"id": 10, "type": "invitation.check", "network": "link.linkedin.com/in/eve/", "note": "n"})"));
  CHECK(r["id"] == 10);
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "bad_request");
}
