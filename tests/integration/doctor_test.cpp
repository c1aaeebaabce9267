// Spawns the built `vigie doctor`, which itself starts the real vigie-host the
// way a browser does.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "integration/shell_run.hpp"

namespace fs = std::filesystem;

namespace {

using run_result = vigie::test::shell_result;

run_result run_cli(const fs::path& home, const std::string& args) { return vigie::test::run_vigie_shell(home, args); }

fs::path fresh_home(const char* name) {
  auto home = fs::temp_directory_path() / (std::string("vigie-doc-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  return home;
}

}  // namespace

TEST_CASE("vigie doctor: all green after install, the host answers hello as Chromium and Firefox start it") {
  const auto home = fresh_home("green");
  fs::create_directories(home / ".config/chromium");
  fs::create_directories(home / ".mozilla");
  REQUIRE(run_cli(home, "install").status == 0);
  const auto r = run_cli(home, "doctor");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("✓ Chromium") != std::string::npos);
  CHECK(r.output.find("✓ Firefox") != std::string::npos);
  const auto j = run_cli(home, "doctor --json");
  const auto report = nlohmann::json::parse(j.output);
  CHECK(report["ok"] == true);
  REQUIRE(report["checks"].size() == 2);
  CHECK(report["checks"][0]["answers_hello"] == true);
  CHECK_FALSE(report["checks"][0]["host_version"].get<std::string>().empty());
  fs::remove_all(home);
}

TEST_CASE("vigie doctor: a missing manifest, a relative path, a wrong origin and a dead host each get a line and a fix") {
  const auto home = fresh_home("red");
  fs::create_directories(home / ".config/chromium");
  auto missing = run_cli(home, "doctor");
  CHECK(missing.status == 1);
  CHECK(missing.output.find("no manifest at") != std::string::npos);
  CHECK(missing.output.find("fix: run `vigie install --browser chromium`") != std::string::npos);

  const auto dir = home / ".config/chromium/NativeMessagingHosts";
  fs::create_directories(dir);
  std::ofstream(dir / "org.vigie.host.json")
      << R"({"name":"org.vigie.host","description":"x","type":"stdio","path":"vigie-host",)"
      << R"("allowed_origins":["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"]})";
  auto bad = run_cli(home, "doctor --json");
  CHECK(bad.status == 1);
  const auto report = nlohmann::json::parse(bad.output);
  CHECK(report["ok"] == false);
  CHECK(report["checks"][0]["valid"] == false);
  CHECK(report["checks"][0]["problems"].size() == 2);  // relative path + our origin missing

  // A host that exits at once: valid manifest, but no hello.
  const auto fake = home / "fake-host";
  std::ofstream(fake) << "#!/bin/sh\nexit 1\n";
  fs::permissions(fake, fs::perms::owner_all);
  REQUIRE(run_cli(home, "install --browser chromium --host-path '" + fake.string() + "'").status != 0);  // foreign file kept
  fs::remove(dir / "org.vigie.host.json");
  REQUIRE(run_cli(home, "install --browser chromium --host-path '" + fake.string() + "'").status == 0);
  auto dead = run_cli(home, "doctor");
  CHECK(dead.status == 1);
  CHECK(dead.output.find("does not answer hello") != std::string::npos);
  fs::remove_all(home);
}

TEST_CASE("vigie doctor: no browser at all is not green") {
  const auto home = fresh_home("empty");
  const auto r = run_cli(home, "doctor");
  CHECK(r.status == 1);
  CHECK(r.output.find("no supported browser found") != std::string::npos);
  fs::remove_all(home);
}
