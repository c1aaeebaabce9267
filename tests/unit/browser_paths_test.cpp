#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/browser_paths.hpp"

using namespace vigie::cli;

TEST_CASE("browser_paths: Linux per-user folders match each browser's documented location") {
  const std::filesystem::path home = "/home/ana";
  auto dir = [&](const char* b) { return user_manifest_dir(target_os::linux_os, home, b).value().string(); };
  CHECK(dir("chrome") == "/home/ana/.config/google-chrome/NativeMessagingHosts");
  CHECK(dir("chromium") == "/home/ana/.config/chromium/NativeMessagingHosts");
  CHECK(dir("brave") == "/home/ana/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts");
  CHECK(dir("edge") == "/home/ana/.config/microsoft-edge/NativeMessagingHosts");
  CHECK(dir("vivaldi") == "/home/ana/.config/vivaldi/NativeMessagingHosts");
  CHECK(dir("firefox") == "/home/ana/.mozilla/native-messaging-hosts");
  CHECK(dir("librewolf") == "/home/ana/.librewolf/native-messaging-hosts");
  CHECK_FALSE(user_manifest_dir(target_os::linux_os, home, "netscape"));
}

TEST_CASE("browser_paths: macOS per-user folders live under Library/Application Support") {
  const std::filesystem::path home = "/Users/ana";
  auto dir = [&](const char* b) { return user_manifest_dir(target_os::macos, home, b).value().string(); };
  CHECK(dir("chrome") == "/Users/ana/Library/Application Support/Google/Chrome/NativeMessagingHosts");
  CHECK(dir("chromium") == "/Users/ana/Library/Application Support/Chromium/NativeMessagingHosts");
  CHECK(dir("edge") == "/Users/ana/Library/Application Support/Microsoft Edge/NativeMessagingHosts");
  CHECK(dir("brave") == "/Users/ana/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts");
  CHECK(dir("firefox") == "/Users/ana/Library/Application Support/Mozilla/NativeMessagingHosts");
  // Windows uses the registry, not a folder.
  CHECK_FALSE(user_manifest_dir(target_os::windows, "C:/Users/ana", "chrome"));
}

TEST_CASE("browser_paths: system-wide folders, Firefox in both lib and lib64") {
  CHECK(system_manifest_dirs(target_os::linux_os, "chromium").at(0) == "/etc/chromium/native-messaging-hosts");
  CHECK(system_manifest_dirs(target_os::linux_os, "chrome").at(0) == "/etc/opt/chrome/native-messaging-hosts");
  CHECK(system_manifest_dirs(target_os::linux_os, "edge").at(0) == "/etc/opt/edge/native-messaging-hosts");
  const auto ff = system_manifest_dirs(target_os::linux_os, "firefox");
  REQUIRE(ff.size() == 2);
  CHECK(ff[0] == "/usr/lib/mozilla/native-messaging-hosts");
  CHECK(ff[1] == "/usr/lib64/mozilla/native-messaging-hosts");
}

TEST_CASE("browser_paths: flavours") {
  CHECK(find_browser("brave")->flavour == manifest_flavour::chromium);
  CHECK(find_browser("librewolf")->flavour == manifest_flavour::firefox);
  CHECK(supported_browsers().size() == 7);
}

TEST_CASE("browser_paths: Windows registry text points each browser at its manifest, Chrome/Chromium share a key") {
  CHECK(windows_registry_key("chrome", "org.vigie.host", false).value() ==
        "HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\org.vigie.host");
  CHECK(windows_registry_key("firefox", "org.vigie.host", true).value() ==
        "HKEY_LOCAL_MACHINE\\Software\\Mozilla\\NativeMessagingHosts\\org.vigie.host");
  const auto text = windows_reg_text({{"chrome", "C:\\Vigie\\org.vigie.host.json"},
                                      {"chromium", "C:\\Vigie\\org.vigie.host.json"},
                                      {"firefox", "C:\\Vigie\\org.vigie.host.firefox.json"}},
                                     "org.vigie.host", false);
  CHECK(text.rfind("Windows Registry Editor Version 5.00\r\n", 0) == 0);
  CHECK(text.find("[HKEY_CURRENT_USER\\Software\\Google\\Chrome\\NativeMessagingHosts\\org.vigie.host]\r\n"
                  "@=\"C:\\\\Vigie\\\\org.vigie.host.json\"") != std::string::npos);
  CHECK(text.find("@=\"C:\\\\Vigie\\\\org.vigie.host.firefox.json\"") != std::string::npos);
  // One entry for the shared Chrome key, one for Mozilla.
  std::size_t keys = 0;
  for (auto p = text.find("[HKEY"); p != std::string::npos; p = text.find("[HKEY", p + 1)) ++keys;
  CHECK(keys == 2);
}

TEST_CASE("browser_paths: a browser counts as installed when one of its programs is an executable in an absolute PATH folder") {
  namespace fs = std::filesystem;
  const auto root = fs::temp_directory_path() / ("vigie-path-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "bin");
  fs::create_directories(root / "other");
  std::ofstream(root / "bin" / "firefox-esr") << "#!/bin/sh\n";
  fs::permissions(root / "bin" / "firefox-esr", fs::perms::owner_all);
  std::ofstream(root / "bin" / "librewolf") << "data\n";  // present but not executable
  fs::permissions(root / "bin" / "librewolf", fs::perms::owner_read);
  const std::string bin = (root / "bin").string();
  const std::string other = (root / "other").string();
  struct row {
    const char* browser;
    std::string path;
    bool found;
  };
  for (const auto& r : {row{"firefox", bin, true},
                        row{"firefox", other + ":" + bin, true},
                        row{"firefox", other, false},
                        row{"firefox", "", false},
                        row{"chromium", bin, false},
                        row{"librewolf", bin, false},
                        row{"unknown", bin, false}}) {
    CAPTURE(r.browser);
    CAPTURE(r.path);
    CHECK(browser_on_path(r.browser, r.path) == r.found);
  }
  // A relative entry would depend on the current folder: ignored.
  const auto cwd = fs::current_path();
  fs::current_path(root);
  CHECK_FALSE(browser_on_path("firefox", "bin"));
  fs::current_path(cwd);
  CHECK(browser_programs("firefox") == std::vector<std::string>{"firefox", "firefox-esr"});
  fs::remove_all(root);
}
