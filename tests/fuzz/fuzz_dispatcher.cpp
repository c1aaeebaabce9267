// Fuzzes the whole request path below the transport: payloads -> JSON parsing
// -> dispatcher -> every registered handler -> a fresh in-memory database.
// The input is split on '\n' into the payloads of one batch (one read from
// stdin), so requests also meet each other's writes inside one transaction.
// Checked: one reply per payload, each a JSON object {id, ok, ...} under the
// 1 MiB frame limit, error codes from the documented set, the id echoed, and
// the database still passing integrity_check.
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/dispatcher.hpp"
#include "common/callers.hpp"
#include "common/paths.hpp"
#include "domain/clock.hpp"
#include "protocol/frame_codec.hpp"
#include "protocol/message.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace {

using json = nlohmann::json;

vigie::paths fuzz_paths;

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::printf("fuzz_dispatcher: %s: %.2000s\n", what, detail.c_str());
  std::abort();
}

const std::set<std::string>& known_codes() {
  static const std::set<std::string> codes{"bad_json",  "bad_request", "unknown_type",
                                           "too_large",     "storage_error", "forbidden", "not_found",
                                           "bad_import",    "internal"};
  return codes;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Handlers log refusals; thousands of lines per second would only slow the run.
  spdlog::set_level(spdlog::level::off);
  char dir[] = "/tmp/vigie-fuzz-XXXXXX";
  if (!::mkdtemp(dir)) std::abort();
  fuzz_paths.data_dir = fuzz_paths.log_dir = fuzz_paths.config_dir = dir;
  // Calendar rules (daily limits) depend on TZ: pin it so a crash reproduces.
  ::setenv("TZ", "Europe/Paris", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> payloads;
  for (std::size_t start = 0;;) {
    const auto end = text.find('\n', start);
    payloads.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (payloads.size() > 64) return -1;  // keep each run fast; batches this long add nothing new

  // A fresh database per input (so a crash reproduces from its input alone),
  // copied from a migrated template: running the migrations every time would
  // cost most of each execution.
  static vigie::storage::database template_db(":memory:");
  static const bool migrated = (vigie::storage::migrate(template_db), true);
  (void)migrated;
  vigie::storage::database db(":memory:");
  sqlite3_backup* copy = sqlite3_backup_init(db.handle(), "main", template_db.handle(), "main");
  if (!copy || sqlite3_backup_step(copy, -1) != SQLITE_DONE) fail("backup", sqlite3_errmsg(db.handle()));
  sqlite3_backup_finish(copy);
  vigie::domain::fixed_clock clock(1'795'000'000'000);  // 2026-11-18, a fixed "now"
  vigie::caller who{vigie::caller_kind::chromium, "ljoiecjnkljfndkmifhjcdikneabbejl",
                    "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/"};
  vigie::app::context ctx{db, clock, fuzz_paths, who};
  vigie::app::dispatcher dispatch(ctx);
  vigie::app::register_all_handlers(dispatch);

  const auto replies = dispatch.handle_batch(payloads);
  if (replies.size() != payloads.size()) fail("reply count", std::to_string(replies.size()));
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const auto& reply = replies[i];
    if (reply.size() > vigie::protocol::max_outbound_bytes) fail("reply over 1 MiB", reply.substr(0, 200));
    json parsed = json::parse(reply, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("id") || !parsed.contains("ok") || !parsed["ok"].is_boolean())
      fail("reply is not {id, ok, ...}", reply);
    if (parsed["ok"].get<bool>()) {
      if (!parsed.contains("result")) fail("ok reply without result", reply);
    } else {
      const auto& err = parsed["error"];
      if (!err.is_object() || !err.contains("code") || !err["code"].is_string() ||
          !known_codes().count(err["code"].get<std::string>()))
        fail("error reply without a documented code", reply);
      // A bug is never an acceptable answer to input, however hostile.
      if (err["code"] == "internal") fail("internal error for input", payloads[i] + " -> " + reply);
    }
    // The id must come back unchanged whenever the request had a scalar one.
    // A raw NUL anywhere makes the body bad_json with id null (docs/PROTOCOL.md), although
    // nlohmann reads the text before it as a request with an id.
    json request = payloads[i].find('\0') == std::string::npos ? json::parse(payloads[i], nullptr, false) : json();
    if (request.is_object() && request.contains("id") && !request["id"].is_structured()) {
      const auto& id = request["id"];
      const bool comparable = !id.is_number_float();  // 1e999 parses to inf and is written as null
      if (comparable && parsed["id"] != id) fail("id not echoed", payloads[i] + " -> " + reply);
    }
  }
  auto& check = db.prepare("PRAGMA integrity_check");
  if (!check.step() || check.column_text(0) != "ok") fail("integrity_check", check.column_text(0));
  check.reset();
  return 0;
}
