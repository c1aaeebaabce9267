// vigie-host as the browser sees it: a spawned process, frames over pipes.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <thread>
#include <csignal>

#include "support/host_process.hpp"

using namespace vigie::test;
using json = nlohmann::json;
using namespace std::chrono_literals;

namespace {

std::map<std::string, std::string> env_for(const temp_home& home) {
  return {{"VIGIE_HOME", home.path().string()}, {"VIGIE_LOG_LEVEL", "debug"}};
}

std::string header(std::uint32_t length) {
  std::string h(4, '\0');
  std::memcpy(h.data(), &length, 4);
  return h;
}

}  // namespace

TEST_CASE("host answers hello with versions and its data folder") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
  auto r = host.call({{"id", 1}, {"type", "hello"}});
  CHECK(r["id"] == 1);
  CHECK(r["ok"] == true);
  CHECK(r["result"]["protocol_version"] == 1);
  CHECK(r["result"]["schema_version"].get<int>() >= 1);
  CHECK(r["result"]["data_dir"] == home.path().string());
  CHECK_FALSE(r["result"]["host_version"].get<std::string>().empty());
  host.close_stdin();
  CHECK(host.read_rest().empty());
  CHECK(host.wait() == 0);
}

TEST_CASE("host accepts Firefox's calling convention") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {"/usr/lib/mozilla/native-messaging-hosts/org.vigie.host.json", "vigie@vigie.org"},
               env_for(home));
  CHECK(host.call({{"id", "f"}, {"type", "hello"}})["ok"] == true);
}

TEST_CASE("host keeps serving after garbage while the stream is in sync") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
  host.write_frame("this is not json");
  host.write_frame("");
  host.write_frame("[1,2,3]");
  host.write_frame("{\"id\":9,\"type\":\"\xff\xfe\"}");
  host.write_frame(R"({"id":10,"type":"no.such.type"})");
  host.send({{"id", 11}, {"type", "hello"}});
  const std::vector<std::pair<json, std::string>> expected = {
      {nullptr, "bad_json"}, {nullptr, "bad_json"}, {nullptr, "bad_request"},
      {nullptr, "bad_json"}, {10, "unknown_type"}};
  for (const auto& [id, code] : expected) {
    auto r = host.read_json();
    REQUIRE(r);
    CHECK((*r)["id"] == id);
    CHECK((*r)["ok"] == false);
    CHECK((*r)["error"]["code"] == code);
  }
  auto ok = host.read_json();
  REQUIRE(ok);
  CHECK((*ok)["id"] == 11);
  CHECK((*ok)["ok"] == true);
}

TEST_CASE("an impossible length gets one too_large reply and a non-zero exit") {
  for (std::uint32_t length : {0x80000000u, 0xFFFFFFFFu, 64u * 1024 * 1024 + 1}) {
    CAPTURE(length);
    temp_home home;
    process host(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
    host.send({{"id", 1}, {"type", "hello"}});
    host.write(header(length) + "{}");
    auto first = host.read_json();
    REQUIRE(first);
    CHECK((*first)["ok"] == true);
    auto fatal = host.read_json();
    REQUIRE(fatal);
    CHECK((*fatal)["id"].is_null());
    CHECK((*fatal)["error"]["code"] == "too_large");
    CHECK(host.read_rest().empty());
    CHECK(host.wait() == 3);
  }
}

TEST_CASE("a truncated body at EOF ends the host cleanly after the earlier replies") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
  host.send({{"id", 1}, {"type", "hello"}});
  host.write(header(100) + R"({"id":2,"type":"hel)");
  host.close_stdin();
  auto r = host.read_json();
  REQUIRE(r);
  CHECK((*r)["id"] == 1);
  CHECK(host.read_rest().empty());
  CHECK(host.wait() == 0);
}

TEST_CASE("a burst of 1,000 requests is answered in order with nothing outside frames") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
  std::string burst;
  for (int i = 0; i < 1000; ++i) {
    const std::string payload = json{{"id", i}, {"type", i % 10 == 9 ? "nope" : "hello"}}.dump();
    const auto length = static_cast<std::uint32_t>(payload.size());
    burst += header(length) + payload;
  }
  std::thread writer([&] {
    host.write(burst);
    host.close_stdin();
  });
  for (int i = 0; i < 1000; ++i) {
    auto r = host.read_json();
    REQUIRE(r);
    CHECK((*r)["id"] == i);
    CHECK((*r)["ok"] == (i % 10 != 9));
  }
  writer.join();
  CHECK(host.read_rest().empty());  // no stray byte after the last frame
  CHECK(host.wait() == 0);
}

TEST_CASE("a caller that is not one of our extensions is refused once") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {"chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/"}, env_for(home));
  auto r = host.read_json();
  REQUIRE(r);
  CHECK((*r)["error"]["code"] == "forbidden");
  CHECK(host.read_rest().empty());
  CHECK(host.wait() == 4);
}

TEST_CASE("an id the user adds to allowed-callers is served") {
  temp_home home;
  {
    std::ofstream f(home.path() / "allowed-callers");
    f << "# my dev build\nchrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/\n";
  }
  process host(VIGIE_HOST_BINARY, {"chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/"}, env_for(home));
  CHECK(host.call({{"id", 1}, {"type", "hello"}})["ok"] == true);
}

TEST_CASE("started by a person without arguments, the host explains itself on stderr") {
  temp_home home;
  auto r = run(VIGIE_HOST_BINARY, {}, env_for(home));
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("vigie --help") != std::string::npos);
}

TEST_CASE("the data folder is private and the log records the start") {
  temp_home home;
  const auto data = home.path() / "data";
  {
    process host(VIGIE_HOST_BINARY, {our_origin}, {{"VIGIE_HOME", data.string()}});
    CHECK(host.call({{"id", 1}, {"type", "hello"}})["ok"] == true);
  }
  struct stat st {};
  REQUIRE(::stat(data.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat((data / "vigie.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::ifstream log(data / "logs" / "vigie-host.log");
  std::string text((std::istreambuf_iterator<char>(log)), {});
  CHECK(text.find("start: vigie-host") != std::string::npos);
  CHECK(text.find(our_origin) != std::string::npos);
}

TEST_CASE("two hosts started at once on one data folder both serve") {
  temp_home home;
  process a(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
  process b(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
  for (int i = 0; i < 20; ++i) {
    CHECK(a.call({{"id", i}, {"type", "hello"}})["ok"] == true);
    CHECK(b.call({{"id", i}, {"type", "hello"}})["ok"] == true);
  }
}

TEST_CASE("a host whose data folder cannot be created still answers, with storage_error") {
  temp_home home;
  const auto blocker = home.path() / "file";
  { std::ofstream(blocker) << "x"; }
  process host(VIGIE_HOST_BINARY, {our_origin}, {{"VIGIE_HOME", (blocker / "sub").string()}});
  auto r = host.call({{"id", 1}, {"type", "hello"}});
  CHECK(r["id"] == 1);
  CHECK(r["error"]["code"] == "storage_error");
}

TEST_CASE("SIGTERM makes the host exit 0 promptly") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {our_origin}, env_for(home));
  CHECK(host.call({{"id", 1}, {"type", "hello"}})["ok"] == true);
  host.kill(SIGTERM);
  CHECK(host.wait(2s) == 0);
}

TEST_CASE("eight hosts started at once on a brand-new data folder all open the database") {
  // They race to create the file, switch it to WAL and migrate it.
  for (int round = 0; round < 3; ++round) {
    temp_home home;
    std::vector<std::unique_ptr<process>> hosts;
    for (int i = 0; i < 8; ++i)
      hosts.push_back(std::make_unique<process>(VIGIE_HOST_BINARY, std::vector<std::string>{our_origin}, env_for(home)));
    for (auto& h : hosts) {
      auto r = h->call({{"id", 1}, {"type", "hello"}});
      CHECK(r["ok"] == true);
      CHECK(r["result"]["schema_version"].get<int>() >= 1);
    }
  }
}

namespace {

// Every file under `dir` that holds `needle` (bytes, not text: the WAL and the database are binary).
std::vector<std::string> files_holding(const std::filesystem::path& dir, const std::string& needle) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    if (bytes.find(needle) != std::string::npos) found.push_back(entry.path().filename().string());
  }
  return found;
}

}  // namespace

TEST_CASE("forget and purge leave no copy in any file under VIGIE_HOME while the host still runs") {
  temp_home home;
  process host(VIGIE_HOST_BINARY, {our_origin}, env_for(home));  // debug log level: the most talkative
  const std::string slug = "zorglub-forgetme-4711";
  const std::string url = "https://www.linkedin.com/in/" + slug + "/";
  const std::string name = "Zorglub Forgetmenot";
  const std::string note = "Qwertzuiop secret note";
  const json profile = {{"network", "linkedin"}, {"profile_url", url}, {"name", name}, {"headline", "Headline Xylophone"}};
  REQUIRE(host.call({{"id", 1}, {"type", "profile.seen"}, {"profile", profile}})["ok"] == true);
  REQUIRE(host.call({{"id", 2}, {"type", "invitation.sent"}, {"profile", profile}, {"note", note}})["ok"] == true);
  REQUIRE(host.call({{"id", 3}, {"type", "drift.report"}, {"page_kind", "profile"}, {"url", url},
                     {"detail", "Drift detail " + name}})["ok"] == true);
  // A refused request quoting the URL: its message must not reach the log either.
  host.call({{"id", 4}, {"type", "invitation.sent"}, {"profile", {{"network", "viadeo"}, {"profile_url", url}}}});
  CHECK(!files_holding(home.path(), name).empty());  // the probe finds what is there

  const auto r = host.call({{"id", 5}, {"type", "person.forget"}, {"profile_url", url}});
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["deleted"].get<int>() >= 3);
  for (const auto& needle : {name, slug, note, std::string("Headline Xylophone"), std::string("Drift detail")}) {
    CAPTURE(needle);
    CHECK(files_holding(home.path(), needle).empty());
  }
  // Purge likewise: a drift report ten days old is erased with no trace.
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  REQUIRE(host.call({{"id", 6}, {"type", "drift.report"}, {"page_kind", "search"}, {"at", now_ms - 10 * 86'400'000LL},
                     {"url", "https://www.linkedin.com/search/"}, {"detail", "Frobozz purge detail"}})["ok"] == true);
  CHECK(!files_holding(home.path(), "Frobozz purge detail").empty());
  REQUIRE(host.call({{"id", 7}, {"type", "data.purge"}, {"older_than_days", 1}})["result"]["drift_reports"] == 1);
  CHECK(files_holding(home.path(), "Frobozz purge detail").empty());
  CHECK(host.call({{"id", 8}, {"type", "hello"}})["ok"] == true);
}
