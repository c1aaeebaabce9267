// Spawns the built `vigie install` / `uninstall` in a throwaway HOME.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "integration/shell_run.hpp"

namespace fs = std::filesystem;

namespace {

using run_result = vigie::test::shell_result;

run_result run_vigie(const fs::path& home, const std::string& args) { return vigie::test::run_vigie_shell(home, args); }

std::string slurp(const fs::path& f) {
  std::ifstream in(f);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_home(const char* name) {
  auto home = fs::temp_directory_path() / (std::string("vigie-it-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  return home;
}

}  // namespace

TEST_CASE("vigie install: registers with every browser found, pointing at the vigie-host next to vigie") {
  const auto home = fresh_home("install");
  fs::create_directories(home / ".config/chromium");
  fs::create_directories(home / ".mozilla");
  const auto r = run_vigie(home, "install");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto chromium = home / ".config/chromium/NativeMessagingHosts/org.vigie.host.json";
  const auto firefox = home / ".mozilla/native-messaging-hosts/org.vigie.host.json";
  REQUIRE(fs::exists(chromium));
  REQUIRE(fs::exists(firefox));
  CHECK_FALSE(fs::exists(home / ".config/google-chrome"));  // not installed: left alone
  const auto m = nlohmann::json::parse(slurp(chromium));
  CHECK(fs::equivalent(m["path"].get<std::string>(), VIGIE_HOST_BINARY));
  CHECK(m["allowed_origins"][0] == "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/");
  CHECK(nlohmann::json::parse(slurp(firefox))["allowed_extensions"][0] == "vigie@vigie.org");
  fs::remove_all(home);
}

TEST_CASE("vigie install: a Gecko browser installed but never started is registered, and doctor finds it answering") {
  struct row {
    const char* how;
    const char* program;  // put on PATH, or "" for none
    const char* args;
    const char* manifest;
    const char* label;
  };
  for (const auto& r : {row{"firefox-esr on PATH, no ~/.mozilla", "firefox-esr", "install", ".mozilla/native-messaging-hosts", "Firefox"},
                        row{"named, no ~/.mozilla", "", "install --browser firefox", ".mozilla/native-messaging-hosts", "Firefox"},
                        row{"librewolf on PATH, no ~/.librewolf", "librewolf", "install", ".librewolf/native-messaging-hosts", "LibreWolf"},
                        row{"named LibreWolf", "", "install --browser librewolf", ".librewolf/native-messaging-hosts", "LibreWolf"}}) {
    SUBCASE(r.how) {
      const auto home = fresh_home("gecko");
      if (*r.program) {
        fs::create_directories(home / "bin");
        const auto program = home / "bin" / r.program;
        std::ofstream(program) << "#!/bin/sh\nexit 0\n";
        fs::permissions(program, fs::perms::owner_all);
      }
      const auto installed = run_vigie(home, r.args);
      INFO(installed.output);
      REQUIRE(installed.status == 0);
      const auto manifest = home / r.manifest / "org.vigie.host.json";
      REQUIRE(fs::exists(manifest));
      CHECK(nlohmann::json::parse(slurp(manifest))["allowed_extensions"][0] == "vigie@vigie.org");
      const auto doctor = run_vigie(home, "doctor");
      INFO(doctor.output);
      CHECK(doctor.status == 0);
      CHECK(doctor.output.find(std::string("✓ ") + r.label) != std::string::npos);
      fs::remove_all(home);
    }
  }
}

TEST_CASE("vigie install: a browser program that is not executable does not count as installed") {
  const auto home = fresh_home("noexec");
  fs::create_directories(home / "bin");
  std::ofstream(home / "bin" / "firefox") << "not a program\n";
  fs::permissions(home / "bin" / "firefox", fs::perms::owner_read | fs::perms::owner_write);
  const auto r = run_vigie(home, "install");
  INFO(r.output);
  CHECK(r.status == 3);
  CHECK_FALSE(fs::exists(home / ".mozilla"));
  fs::remove_all(home);
}

TEST_CASE("vigie install --dry-run writes nothing and prints the manifest") {
  const auto home = fresh_home("dry");
  const auto r = run_vigie(home, "install --dry-run --browser chromium --user-data-dir '" + (home / "p").string() + "'");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("would write " + (home / "p/NativeMessagingHosts/org.vigie.host.json").string()) !=
        std::string::npos);
  CHECK(r.output.find("\"allowed_origins\"") != std::string::npos);
  CHECK_FALSE(fs::exists(home / "p"));
  fs::remove_all(home);
}

TEST_CASE("vigie uninstall removes exactly what install wrote and keeps foreign files") {
  const auto home = fresh_home("uninstall");
  fs::create_directories(home / ".config/chromium");
  const auto profile = home / "profile";
  const auto foreign_dir = home / ".config/google-chrome/NativeMessagingHosts";
  fs::create_directories(foreign_dir);
  // Somebody else's manifest of the same name, and a neighbour's host.
  std::ofstream(foreign_dir / "org.vigie.host.json") << R"({"name":"org.vigie.host","description":"hand made","path":"/x"})";
  std::ofstream(home / ".config/chromium/neighbour.json") << "{}";
  REQUIRE(run_vigie(home, "install --browser chromium").status == 0);
  REQUIRE(run_vigie(home, "install --user-data-dir '" + profile.string() + "' --host-path /bin/sh").status == 0);
  CHECK(fs::exists(profile / "NativeMessagingHosts/org.vigie.host.json"));

  // Installing over a foreign file of the same name refuses, and says so.
  const auto clash = run_vigie(home, "install --browser chrome");
  CHECK(clash.status != 0);
  CHECK(clash.output.find("not written by Vigie") != std::string::npos);

  const auto r = run_vigie(home, "uninstall");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK_FALSE(fs::exists(home / ".config/chromium/NativeMessagingHosts"));  // we created it, now empty: gone
  CHECK_FALSE(fs::exists(profile / "NativeMessagingHosts/org.vigie.host.json"));  // from the record
  CHECK_FALSE(fs::exists(profile));
  CHECK(fs::exists(foreign_dir / "org.vigie.host.json"));
  CHECK(fs::exists(home / ".config/chromium/neighbour.json"));
  CHECK(fs::exists(home / ".config/chromium"));
  fs::remove_all(home);
}

TEST_CASE("vigie install: unknown browser or no browser at all is a clear error") {
  const auto home = fresh_home("none");
  const auto none = run_vigie(home, "install");
  CHECK(none.status != 0);
  CHECK(none.output.find("no supported browser found") != std::string::npos);
  const auto unknown = run_vigie(home, "install --browser netscape");
  CHECK(unknown.status != 0);
  CHECK(unknown.output.find("netscape") != std::string::npos);
  const auto relative = run_vigie(home, "install --browser chromium --host-path /nonexistent/vigie-host");
  CHECK(relative.status == 3);
  CHECK(relative.output.find("--host-path") != std::string::npos);
  // Plain words for people: no protocol code such as "[not_found]"; the exit code carries the kind.
  for (const auto* r : {&none, &relative}) {
    INFO(r->output);
    CHECK(r->output.find("[not_found]") == std::string::npos);
    CHECK(r->output.find("[bad_request]") == std::string::npos);
  }
  CHECK(none.status == 3);
  fs::remove_all(home);
}

TEST_CASE("vigie install --windows writes both manifests and a .reg naming them") {
  const auto home = fresh_home("windows");
  const auto r = run_vigie(home, "install --windows '" + (home / "win").string() +
                                     "' --host-path 'C:\\Program Files\\Vigie\\vigie-host.exe'");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const auto reg = slurp(home / "win/vigie-host.reg");
  CHECK(reg.find("[HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\org.vigie.host]") !=
        std::string::npos);
  CHECK(reg.find("@=\"C:\\\\Program Files\\\\Vigie\\\\org.vigie.host.json\"") != std::string::npos);
  CHECK(reg.find("Mozilla\\NativeMessagingHosts\\org.vigie.host]\r\n@=\"C:\\\\Program Files\\\\Vigie\\\\org.vigie.host.firefox.json\"") !=
        std::string::npos);
  const auto m = nlohmann::json::parse(slurp(home / "win/org.vigie.host.json"));
  CHECK(m["path"] == "C:\\Program Files\\Vigie\\vigie-host.exe");
  fs::remove_all(home);
}
