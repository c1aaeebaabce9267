#include "cli/browser_paths.hpp"

#include <unistd.h>

#include <algorithm>
#include <map>

namespace vigie::cli {

namespace fs = std::filesystem;

const std::vector<browser_info>& supported_browsers() {
  static const std::vector<browser_info> all = {
      {"chrome", "Google Chrome", manifest_flavour::chromium},
      {"chromium", "Chromium", manifest_flavour::chromium},
      {"brave", "Brave", manifest_flavour::chromium},
      {"edge", "Microsoft Edge", manifest_flavour::chromium},
      {"vivaldi", "Vivaldi", manifest_flavour::chromium},
      {"firefox", "Firefox", manifest_flavour::firefox},
      {"librewolf", "LibreWolf", manifest_flavour::firefox},
  };
  return all;
}

std::optional<browser_info> find_browser(std::string_view name) {
  for (const auto& b : supported_browsers())
    if (b.name == name) return b;
  return std::nullopt;
}

target_os current_os() {
#if defined(__APPLE__)
  return target_os::macos;
#elif defined(_WIN32)
  return target_os::windows;
#else
  return target_os::linux_os;
#endif
}

std::optional<fs::path> browser_config_dir(target_os os, const fs::path& home, std::string_view browser) {
  if (os == target_os::linux_os) {
    const fs::path config = home / ".config";
    if (browser == "chrome") return config / "google-chrome";
    if (browser == "chromium") return config / "chromium";
    if (browser == "brave") return config / "BraveSoftware" / "Brave-Browser";
    if (browser == "edge") return config / "microsoft-edge";
    if (browser == "vivaldi") return config / "vivaldi";
    if (browser == "firefox") return home / ".mozilla";
    if (browser == "librewolf") return home / ".librewolf";
    return std::nullopt;
  }
  if (os == target_os::macos) {
    const fs::path support = home / "Library" / "Application Support";
    if (browser == "chrome") return support / "Google" / "Chrome";
    if (browser == "chromium") return support / "Chromium";
    if (browser == "brave") return support / "BraveSoftware" / "Brave-Browser";
    if (browser == "edge") return support / "Microsoft Edge";
    if (browser == "vivaldi") return support / "Vivaldi";
    if (browser == "firefox") return support / "Mozilla";
    if (browser == "librewolf") return support / "LibreWolf";
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<fs::path> user_manifest_dir(target_os os, const fs::path& home, std::string_view browser) {
  auto base = browser_config_dir(os, home, browser);
  if (!base) return std::nullopt;
  const auto info = find_browser(browser);
  if (info->flavour == manifest_flavour::firefox)
    return *base / (os == target_os::macos ? "NativeMessagingHosts" : "native-messaging-hosts");
  return *base / "NativeMessagingHosts";
}

std::vector<fs::path> system_manifest_dirs(target_os os, std::string_view browser) {
  if (os == target_os::linux_os) {
    if (browser == "chrome") return {"/etc/opt/chrome/native-messaging-hosts"};
    if (browser == "chromium") return {"/etc/chromium/native-messaging-hosts"};
    if (browser == "edge") return {"/etc/opt/edge/native-messaging-hosts"};
    if (browser == "firefox")
      return {"/usr/lib/mozilla/native-messaging-hosts", "/usr/lib64/mozilla/native-messaging-hosts"};
    if (browser == "librewolf") return {"/usr/lib/librewolf/native-messaging-hosts"};
    return {};
  }
  if (os == target_os::macos) {
    if (browser == "chrome") return {"/Library/Google/Chrome/NativeMessagingHosts"};
    if (browser == "chromium") return {"/Library/Application Support/Chromium/NativeMessagingHosts"};
    if (browser == "edge") return {"/Library/Microsoft/Edge/NativeMessagingHosts"};
    if (browser == "firefox") return {"/Library/Application Support/Mozilla/NativeMessagingHosts"};
    return {};
  }
  return {};
}

std::optional<std::string> windows_registry_key(std::string_view browser, std::string_view host_name, bool system) {
  const std::string hive = system ? "HKEY_LOCAL_MACHINE" : "HKEY_CURRENT_USER";
  std::string vendor;
  if (browser == "chrome" || browser == "chromium") vendor = "Google\\Chrome";
  else if (browser == "edge") vendor = "Microsoft\\Edge";
  else if (browser == "brave") vendor = "BraveSoftware\\Brave-Browser";
  else if (browser == "vivaldi") vendor = "Vivaldi";
  else if (browser == "firefox") vendor = "Mozilla";
  else if (browser == "librewolf") vendor = "LibreWolf";
  else return std::nullopt;
  return hive + "\\Software\\" + vendor + "\\NativeMessagingHosts\\" + std::string(host_name);
}

const std::vector<std::string>& browser_programs(std::string_view browser) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> programs = {
      {"chrome", {"google-chrome", "google-chrome-stable"}},
      {"chromium", {"chromium", "chromium-browser"}},
      {"brave", {"brave-browser", "brave"}},
      {"edge", {"microsoft-edge", "microsoft-edge-stable"}},
      {"vivaldi", {"vivaldi", "vivaldi-stable"}},
      {"firefox", {"firefox", "firefox-esr"}},
      {"librewolf", {"librewolf"}},
  };
  static const std::vector<std::string> none;
  const auto it = programs.find(browser);
  return it == programs.end() ? none : it->second;
}

bool browser_on_path(std::string_view browser, std::string_view path_list) {
  const auto& names = browser_programs(browser);
  std::size_t start = 0;
  while (start <= path_list.size()) {
    const auto end = std::min(path_list.find(':', start), path_list.size());
    const fs::path dir(std::string(path_list.substr(start, end - start)));
    start = end + 1;
    if (dir.empty() || !dir.is_absolute()) continue;  // "" or "." would make the answer depend on the cwd
    for (const auto& name : names) {
      std::error_code ec;
      const auto file = dir / name;
      if (fs::is_regular_file(file, ec) && ::access(file.c_str(), X_OK) == 0) return true;
    }
  }
  return false;
}

namespace {
std::string reg_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out;
}
}  // namespace

std::string windows_reg_text(const std::vector<windows_entry>& entries, std::string_view host_name, bool system) {
  std::string text = "Windows Registry Editor Version 5.00\r\n";
  std::vector<std::string> written;  // Chrome and Chromium share one key
  for (const auto& e : entries) {
    const auto key = windows_registry_key(e.browser, host_name, system);
    if (!key || std::find(written.begin(), written.end(), *key) != written.end()) continue;
    written.push_back(*key);
    text += "\r\n[" + *key + "]\r\n@=\"" + reg_escape(e.manifest_path) + "\"\r\n";
  }
  return text;
}

}  // namespace vigie::cli
