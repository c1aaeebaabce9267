// The ledger rules end to end: frames over pipes to a spawned vigie-host with
// VIGIE_HOME, VIGIE_NOW and TZ set, as the browser would start it.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using json = nlohmann::json;

struct run_result {
  int status = -1;
  std::vector<json> replies;
};

std::string frame(const json& message) {
  const std::string body = message.dump();
  const auto n = static_cast<std::uint32_t>(body.size());
  std::string out(4, '\0');
  std::memcpy(out.data(), &n, 4);
  return out + body;
}

// Writes every request at once (the host batches them), closes stdin, reads
// every reply frame.
run_result run_host(const std::filesystem::path& home, const std::string& now, const std::vector<json>& requests) {
  std::string input;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    json r = requests[i];
    r["id"] = static_cast<int>(i);
    input += frame(r);
  }
  int in[2], out[2];
  REQUIRE(::pipe(in) == 0);
  REQUIRE(::pipe(out) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::close(in[0]); ::close(in[1]); ::close(out[0]); ::close(out[1]);
    ::setenv("VIGIE_HOME", home.c_str(), 1);
    ::setenv("VIGIE_NOW", now.c_str(), 1);
    ::setenv("TZ", "Europe/Paris", 1);
    ::execl(VIGIE_HOST_BINARY, VIGIE_HOST_BINARY, "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/", nullptr);
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  // Small inputs fit the pipe buffer; write then close so the host sees EOF.
  std::size_t off = 0;
  while (off < input.size()) {
    const auto n = ::write(in[1], input.data() + off, input.size() - off);
    if (n <= 0) break;
    off += static_cast<std::size_t>(n);
  }
  ::close(in[1]);
  std::string output;
  char buf[65536];
  for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;) output.append(buf, static_cast<std::size_t>(n));
  ::close(out[0]);
  run_result r;
  ::waitpid(pid, &r.status, 0);
  for (std::size_t p = 0; p + 4 <= output.size();) {
    std::uint32_t n = 0;
    std::memcpy(&n, output.data() + p, 4);
    r.replies.push_back(json::parse(output.substr(p + 4, n)));
    p += 4 + n;
  }
  return r;
}

std::string url(const std::string& slug) { return "https://www.linkedin.com/in/" + slug + "/"; }

json sent(const std::string& slug, std::int64_t at, const std::string& note = "") {
  return {{"type", "invitation.sent"}, {"profile", {{"network", "linkedin"}, {"profile_url", url(slug)}}},
          {"note", note}, {"at", at}};
}

json check(const std::string& slug, const std::string& note = "") {
  return {{"type", "invitation.check"}, {"network", "linkedin"}, {"profile_url", url(slug)}, {"note", note}};
}

bool has_reason(const json& reply, const std::string& code) {
  for (const auto& r : reply["result"]["reasons"])
    if (r["code"] == code) return true;
  return false;
}

struct temp_home {
  std::filesystem::path path;
  temp_home() {
    char tmpl[] = "/tmp/vigie-ledger-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~temp_home() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

// 2026-03-29 is the spring DST change in Paris: the day starts at 00:00+01:00.
constexpr std::int64_t dst_day_start = 1'774'738'800'000;  // 2026-03-28T23:00:00Z
constexpr std::int64_t hour = 3'600'000;

}  // namespace

TEST_CASE("vigie-host: the 16th send of a DST day is a caution, the 20th too, the 21st a stop") {
  temp_home home;
  std::vector<json> requests;
  requests.push_back(sent("yesterday", dst_day_start - 1));
  for (int i = 0; i < 15; ++i) requests.push_back(sent("p" + std::to_string(i), dst_day_start + i * hour));
  requests.push_back(check("target"));  // 16th
  for (int i = 15; i < 19; ++i) requests.push_back(sent("p" + std::to_string(i), dst_day_start + i * hour));
  requests.push_back(check("target"));  // 20th
  requests.push_back(sent("p19", dst_day_start + 19 * hour));
  requests.push_back(check("target"));  // 21st
  const auto r = run_host(home.path, "2026-03-29T23:30:00+02:00", requests);
  CHECK(WIFEXITED(r.status));
  CHECK(WEXITSTATUS(r.status) == 0);
  REQUIRE(r.replies.size() == requests.size());
  for (const auto& reply : r.replies) CHECK(reply["ok"] == true);
  const auto& c16 = r.replies[16];
  CHECK(c16["result"]["verdict"] == "caution");
  CHECK(c16["result"]["counts"]["today"] == 15);
  CHECK(r.replies[21]["result"]["verdict"] == "caution");
  CHECK(r.replies[23]["result"]["verdict"] == "stop");
  CHECK(has_reason(r.replies[23], "daily_limit"));
}

TEST_CASE("vigie-host: notes of 200/201 characters with accents, and the week edge") {
  temp_home home;
  std::string n200, n201;
  for (int i = 0; i < 200; ++i) n200 += "\xC3\xA9";
  n201 = n200 + "e";
  const std::int64_t now = 1'790'000'000'000;  // 2026-09-21T14:13:20Z
  std::vector<json> requests = {check("x", n200), check("x", n201),
                                {{"type", "settings.set"}, {"settings", {{"linkedin.free.weekly_limit", 2}, {"linkedin.free.daily_limit", 50}}}},
                                sent("edge", now - 7 * 24 * hour), sent("inside", now - 7 * 24 * hour + 1), check("x")};
  const auto r = run_host(home.path, "2026-09-21T14:13:20Z", requests);
  REQUIRE(r.replies.size() == requests.size());
  CHECK_FALSE(has_reason(r.replies[0], "note_too_long"));
  CHECK(has_reason(r.replies[1], "note_too_long"));
  CHECK(r.replies[5]["result"]["counts"]["week"] == 1);
  CHECK(r.replies[5]["result"]["verdict"] == "caution");  // 2nd of 2
}

TEST_CASE("vigie-host: re-invite stopped at 20 days after a withdrawal, allowed at 21, across restarts") {
  temp_home home;
  const auto first = run_host(home.path, "2026-11-01T10:00:00Z",
                              {sent("anne", 1'793'527'200'000 - 24 * hour),
                               {{"type", "invitation.withdrawn"},
                                {"profile", {{"network", "linkedin"}, {"profile_url", url("anne")}}}}});
  REQUIRE(first.replies.size() == 2);
  CHECK(first.replies[1]["result"]["withdrawn"] == 1);
  const auto day20 = run_host(home.path, "2026-11-21T10:00:00Z", {check("anne")});
  REQUIRE(day20.replies.size() == 1);
  CHECK(day20.replies[0]["result"]["verdict"] == "stop");
  CHECK(has_reason(day20.replies[0], "reinvite_too_soon"));
  const auto day21 = run_host(home.path, "2026-11-22T10:00:00Z", {check("anne")});
  REQUIRE(day21.replies.size() == 1);
  CHECK(day21.replies[0]["result"]["verdict"] == "ok");
}

TEST_CASE("vigie-host: retention_days removes decided invitations older than it at start-up, never pending ones") {
  temp_home home;
  const json withdraw = {{"type", "invitation.withdrawn"}, {"profile", {{"network", "linkedin"}, {"profile_url", url("old")}}}};
  const auto first = run_host(home.path, "2026-01-10T10:00:00Z",
                              {sent("old", 1'767'780'000'000), withdraw, sent("waiting", 1'767'780'000'000)});
  REQUIRE(first.replies.size() == 3);
  CHECK(first.replies[1]["result"]["withdrawn"] == 1);
  const json list = {{"type", "invitations.list"}, {"limit", 50}};
  // Not set: a restart long after keeps everything.
  const auto kept = run_host(home.path, "2026-06-01T10:00:00Z", {list});
  REQUIRE(kept.replies.size() == 1);
  CHECK(kept.replies[0]["result"]["total"] == 2);
  const auto set = run_host(home.path, "2026-06-01T10:00:00Z",
                            {{{"type", "settings.set"}, {"settings", {{"retention_days", 90}}}}});
  REQUIRE(set.replies.size() == 1);
  CHECK(set.replies[0]["ok"] == true);
  // The next start applies it: the withdrawn invitation (decided in January)
  // goes, the pending one stays.
  const auto after = run_host(home.path, "2026-06-01T11:00:00Z", {list});
  REQUIRE(after.replies.size() == 1);
  const auto& items = after.replies[0]["result"]["items"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["status"] == "pending");
  CHECK(items[0]["person"]["profile_url"] == url("waiting"));
}
