#include <doctest/doctest.h>

#include <algorithm>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/host_manifest.hpp"
#include "cli/install.hpp"

using namespace vigie::cli;
using nlohmann::json;

namespace {
// The id list the manifests must carry, read from the one file that names it.
json extension_ids() {
  std::ifstream in(std::string(VIGIE_SOURCE_DIR) + "/manifest/extension-ids.json");
  return json::parse(in);
}
}  // namespace

TEST_CASE("host_manifest: the Chromium flavour carries our name, absolute path and every id from extension-ids.json") {
  const auto ids = extension_ids();
  const json m = json::parse(render_manifest(manifest_flavour::chromium, "/opt/vigie/bin/vigie-host"));
  CHECK(m["name"] == ids["host_name"]);
  CHECK(m["type"] == "stdio");
  CHECK(m["path"] == "/opt/vigie/bin/vigie-host");
  CHECK_FALSE(m["description"].get<std::string>().empty());
  CHECK_FALSE(m.contains("allowed_extensions"));
  REQUIRE(m["allowed_origins"].size() == ids["chromium"].size());
  for (std::size_t i = 0; i < ids["chromium"].size(); ++i)
    CHECK(m["allowed_origins"][i] == "chrome-extension://" + ids["chromium"][i].get<std::string>() + "/");
  CHECK(manifest_file_name() == ids["host_name"].get<std::string>() + ".json");
}

TEST_CASE("host_manifest: the Firefox flavour lists add-on ids in allowed_extensions") {
  const auto ids = extension_ids();
  const json m = json::parse(render_manifest(manifest_flavour::firefox, "/usr/bin/vigie-host"));
  CHECK(m["allowed_extensions"] == ids["firefox"]);
  CHECK_FALSE(m.contains("allowed_origins"));
}

TEST_CASE("host_manifest: paths with quotes and backslashes stay valid JSON") {
  const json m = json::parse(render_manifest(manifest_flavour::chromium, "/tmp/a \"b\"\\c/vigie-host"));
  CHECK(m["path"] == "/tmp/a \"b\"\\c/vigie-host");
}

TEST_CASE("host_manifest: our marker recognises only manifests Vigie wrote") {
  CHECK(is_our_manifest(render_manifest(manifest_flavour::chromium, "/x/vigie-host")));
  CHECK_FALSE(is_our_manifest(R"({"name":"org.vigie.host","description":"hand-written","path":"/x"})"));
  CHECK_FALSE(is_our_manifest(R"({"name":"com.other.host","description":"Vigie native messaging host"})"));
  CHECK_FALSE(is_our_manifest("not json"));
}

TEST_CASE("host_manifest: the check names each problem with a fix") {
  auto problems_of = [](const std::string& text) {
    return check_manifest_text(text, manifest_flavour::chromium, "vigie install --browser chromium");
  };
  const auto good = problems_of(render_manifest(manifest_flavour::chromium, "/bin/sh"));
  CHECK(good.valid);
  CHECK(good.problems.empty());

  const auto relative = problems_of(render_manifest(manifest_flavour::chromium, "bin/vigie-host"));
  CHECK_FALSE(relative.valid);
  REQUIRE(relative.problems.size() == 1);
  CHECK(relative.problems[0].problem.find("not absolute") != std::string::npos);
  CHECK(relative.problems[0].fix.find("vigie install --browser chromium") != std::string::npos);

  const auto missing = problems_of(render_manifest(manifest_flavour::chromium, "/nonexistent/vigie-host"));
  CHECK(missing.problems.at(0).problem.find("does not exist") != std::string::npos);

  json wrong = json::parse(render_manifest(manifest_flavour::chromium, "/bin/sh"));
  wrong["allowed_origins"] = json::array({"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"});
  wrong["name"] = "org.other";
  const auto bad = problems_of(wrong.dump());
  CHECK(bad.problems.size() == 2);
  CHECK(problems_of("[1,2]").problems.size() == 1);
}

TEST_CASE("install: resolve_targets picks browsers whose profile folder exists, or the ones named") {
  const auto home = std::filesystem::temp_directory_path() / "vigie-resolve-test";
  std::filesystem::remove_all(home);
  std::filesystem::create_directories(home / ".config/chromium");
  std::filesystem::create_directories(home / ".mozilla");
  auto auto_found = resolve_targets({}, target_os::linux_os, home);
  REQUIRE(auto_found.size() == 2);
  CHECK(auto_found[0].browser == "chromium");
  CHECK(auto_found[0].dir == home / ".config/chromium/NativeMessagingHosts");
  CHECK(auto_found[1].browser == "firefox");
  CHECK(auto_found[1].flavour == manifest_flavour::firefox);

  selection named;
  named.browsers = {"brave"};
  const auto brave = resolve_targets(named, target_os::linux_os, home);
  REQUIRE(brave.size() == 1);
  CHECK(brave[0].dir == home / ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts");

  selection profile;
  profile.user_data_dirs = {home / "profile"};
  const auto p = resolve_targets(profile, target_os::linux_os, home);
  REQUIRE(p.size() == 1);
  CHECK(p[0].dir == home / "profile/NativeMessagingHosts");

  selection gecko_dir;
  gecko_dir.dirs = {home / "any"};
  gecko_dir.browsers = {"firefox"};
  CHECK(resolve_targets(gecko_dir, target_os::linux_os, home).at(0).flavour == manifest_flavour::firefox);

  selection system;
  system.system = true;
  system.browsers = {"firefox"};
  CHECK(resolve_targets(system, target_os::linux_os, home).size() == 2);
  std::filesystem::remove_all(home);
}

TEST_CASE("the user's allowed callers join the manifests: a Chromium id its origins, another id Firefox's list") {
  const std::vector<std::string> extra = {"abcdefghijklmnopabcdefghijklmnop", "vigie-local@example.org",
                                          "abcdefghijklmnopabcdefghijklmnop"};
  const json c = json::parse(render_manifest(manifest_flavour::chromium, "/usr/bin/vigie-host", extra));
  const auto origins = c["allowed_origins"].get<std::vector<std::string>>();
  CHECK(std::count(origins.begin(), origins.end(), "chrome-extension://abcdefghijklmnopabcdefghijklmnop/") == 1);
  CHECK(origins.size() == chromium_origins().size() + 1);  // Vigie's own stay, the firefox id does not go here
  const json f = json::parse(render_manifest(manifest_flavour::firefox, "/usr/bin/vigie-host", extra));
  const auto ids = f["allowed_extensions"].get<std::vector<std::string>>();
  CHECK(std::count(ids.begin(), ids.end(), "vigie-local@example.org") == 1);
  CHECK(ids.size() == firefox_extension_ids().size() + 1);
  // Without extra ids, only Vigie's.
  CHECK(json::parse(render_manifest(manifest_flavour::chromium, "/usr/bin/vigie-host"))["allowed_origins"].size() ==
        chromium_origins().size());
}
