#pragma once
// Where each supported browser looks for native-messaging host manifests.
// Pure functions of (os, home, browser) so macOS and Windows are testable on
// Linux; nothing here touches the disk.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::cli {

enum class target_os { linux_os, macos, windows };
// Chromium-family browsers read allowed_origins, Gecko ones allowed_extensions.
enum class manifest_flavour { chromium, firefox };

struct browser_info {
  std::string name;  // as given to --browser
  std::string label;  // for humans
  manifest_flavour flavour;
};

// chrome, chromium, brave, edge, vivaldi, firefox, librewolf.
const std::vector<browser_info>& supported_browsers();
std::optional<browser_info> find_browser(std::string_view name);

// The per-user folder the browser reads manifests from (NativeMessagingHosts
// or native-messaging-hosts). Windows has no folder (registry): nullopt.
std::optional<std::filesystem::path> user_manifest_dir(target_os os, const std::filesystem::path& home,
                                                       std::string_view browser);
// The browser's own profile folder: when it exists, the browser is installed
// and has run for this user, so `vigie install` registers with it.
std::optional<std::filesystem::path> browser_config_dir(target_os os, const std::filesystem::path& home,
                                                        std::string_view browser);
// System-wide folders (may be several: Firefox's lib vs lib64 is fixed at its
// build time, so both get a copy). Empty when the browser has none.
std::vector<std::filesystem::path> system_manifest_dirs(target_os os, std::string_view browser);

target_os current_os();

// The program names a browser is started by on Linux (Debian's and the vendors' packages):
// firefox, firefox-esr; librewolf; chromium, chromium-browser; ...
const std::vector<std::string>& browser_programs(std::string_view browser);
// Whether one of them is an executable in a folder of `path_list` (colon-separated, as $PATH):
// a browser installed but never started has no profile folder yet, and is still registered.
bool browser_on_path(std::string_view browser, std::string_view path_list);

// Windows: the registry key whose default value names the manifest file.
// HKCU for a user install, HKLM with `system`.
std::optional<std::string> windows_registry_key(std::string_view browser, std::string_view host_name, bool system);
// A .reg file (regedit format, UTF-16 not needed for ASCII paths) that points
// each browser's key at the manifest of its flavour.
struct windows_entry {
  std::string browser;
  std::string manifest_path;  // Windows path of the manifest file
};
std::string windows_reg_text(const std::vector<windows_entry>& entries, std::string_view host_name, bool system);

}  // namespace vigie::cli
