#pragma once
// `vigie install` / `vigie uninstall`: which folders get a host manifest, and
// the record of what was written so uninstall removes exactly that.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "cli/browser_paths.hpp"

namespace vigie::cli {

struct selection {
  std::vector<std::string> browsers;                  // --browser
  std::vector<std::filesystem::path> user_data_dirs;  // --user-data-dir (Chromium profiles)
  std::vector<std::filesystem::path> dirs;            // --dir (any folder)
  bool system = false;                                // --system
};

struct manifest_target {
  std::string browser;  // "" for --dir / --user-data-dir
  std::string label;    // for humans
  manifest_flavour flavour = manifest_flavour::chromium;
  std::filesystem::path dir;
  std::string fix_command;  // the `vigie install ...` that (re)writes this one
  bool explicit_choice = false;  // named by the user (not auto-detected)
};

// Resolves a selection to folders. Without --browser/--user-data-dir/--dir:
// every supported browser whose profile folder exists under `home` (or, with
// --system, every browser with a system-wide folder). `for_removal` keeps
// browsers whose folder is gone (a manifest may still sit there).
// Throws vigie::error(bad_request) for an unknown browser name.
// Without a named browser, a browser is picked when its profile folder exists or, when `installed`
// is given, when installed(name) says its program is there (a browser never started yet).
std::vector<manifest_target> resolve_targets(const selection& sel, target_os os, const std::filesystem::path& home,
                                             bool for_removal = false,
                                             const std::function<bool(std::string_view)>& installed = {});
// installed(name) for resolve_targets: the browser's program is on $PATH (Linux).
bool installed_on_path(std::string_view browser);

// The running vigie's folder + vigie-host (what a packaged or built tree has).
std::filesystem::path default_host_path();

// Where install keeps its record: <config_dir>/installed-manifests.
std::filesystem::path record_file();

struct record {
  std::vector<std::filesystem::path> files;  // manifests written
  std::vector<std::filesystem::path> dirs;   // folders created (removed when empty)
};
record read_record(const std::filesystem::path& file);
void write_record(const std::filesystem::path& file, const record& r);

struct install_outcome {
  int written = 0;
  int failed = 0;
};
// Writes one manifest per target (folders created as needed), updates the
// record, and says what it does on `out` (what it would do with dry_run).
// `extra_ids`: render_manifest's (the user's allowed-callers).
install_outcome install_manifests(const std::vector<manifest_target>& targets, const std::filesystem::path& host_path,
                                  bool dry_run, const std::filesystem::path& record_path, std::ostream& out,
                                  const std::vector<std::string>& extra_ids = {});
// Removes our manifests (Vigie's marker only) from the targets and from the
// record, and the folders install created when they are left empty.
install_outcome uninstall_manifests(const std::vector<manifest_target>& targets, bool dry_run,
                                    const std::filesystem::path& record_path, std::ostream& out);

// Windows: the two manifests and a .reg file for a host installed at
// `host_path` (a Windows path); the manifests go next to the host.
struct windows_bundle {
  std::string chromium_manifest;
  std::string firefox_manifest;
  std::string reg;
};
windows_bundle windows_install_bundle(const std::string& host_path, bool system);

void add_install_command(CLI::App& app);
void add_uninstall_command(CLI::App& app);

}  // namespace vigie::cli
