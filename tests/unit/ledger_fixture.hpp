#pragma once
// A migrated :memory: database behind the real dispatcher, with a fixed clock
// and a pinned TZ, for the ledger tests.
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/dispatcher.hpp"
#include "domain/clock.hpp"
#include "storage/migrations.hpp"

namespace vigie::testing {

// Sets TZ for the scope and restores the previous value.
class scoped_tz {
 public:
  explicit scoped_tz(const char* tz) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    ::setenv("TZ", tz, 1);
    ::tzset();
  }
  ~scoped_tz() {
    if (old_) ::setenv("TZ", old_->c_str(), 1);
    else ::unsetenv("TZ");
    ::tzset();
  }
  scoped_tz(const scoped_tz&) = delete;
  scoped_tz& operator=(const scoped_tz&) = delete;

 private:
  std::optional<std::string> old_;
};

inline std::string linkedin(const std::string& slug) { return "https://www.linkedin.com/in/" + slug + "/"; }

struct ledger_fixture {
  explicit ledger_fixture(const char* tz = "UTC", const char* now = "2026-11-21T12:00:00Z")
      : tz_(tz), clock(domain::parse_iso8601(now)) {
    storage::migrate(db);
    app::register_all_handlers(d);
  }
  scoped_tz tz_;
  storage::database db{":memory:"};
  domain::fixed_clock clock;
  app::context ctx{db, clock, paths{"/tmp/vigie-test", "/tmp/vigie-test", "/tmp/vigie-test"}, caller{}};
  app::dispatcher d{ctx};
  int next_id = 1;

  // Sends one request; returns the whole reply.
  nlohmann::json call(nlohmann::json request) {
    request["id"] = next_id++;
    return nlohmann::json::parse(d.handle(request.dump()));
  }
  // Sends one request that must succeed; returns its result.
  nlohmann::json ok(const nlohmann::json& request) {
    auto reply = call(request);
    if (!reply.value("ok", false)) throw std::runtime_error("request failed: " + reply.dump());
    return reply["result"];
  }
  std::string error_code(const nlohmann::json& request) {
    auto reply = call(request);
    return reply.value("ok", true) ? std::string("ok") : reply["error"]["code"].get<std::string>();
  }

  nlohmann::json sent(const std::string& slug, domain::millis at, const std::string& note = "") {
    return ok({{"type", "invitation.sent"},
               {"profile", {{"network", "linkedin"}, {"profile_url", linkedin(slug)}}},
               {"note", note},
               {"at", at}});
  }
  nlohmann::json check(const std::string& slug, const std::string& note = "") {
    return ok({{"type", "invitation.check"}, {"network", "linkedin"}, {"profile_url", linkedin(slug)}, {"note", note}});
  }
};

inline bool has_reason(const nlohmann::json& check, const std::string& code) {
  for (const auto& r : check["reasons"])
    if (r["code"] == code) return true;
  return false;
}

}  // namespace vigie::testing
