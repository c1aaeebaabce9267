#include "cli/install.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/host_manifest.hpp"
#include "common/callers.hpp"
#include "common/error.hpp"
#include "common/files.hpp"
#include "common/paths.hpp"

namespace vigie::cli {

namespace fs = std::filesystem;

namespace {

std::string quote_arg(const std::string& s) {
  if (s.find_first_of(" \t'\"$\\") == std::string::npos) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_text(const fs::path& file) { return read_whole_file(file).value_or(""); }

void push_unique(std::vector<fs::path>& v, const fs::path& p) {
  if (std::find(v.begin(), v.end(), p) == v.end()) v.push_back(p);
}

}  // namespace

bool installed_on_path(std::string_view browser) {
  const char* path = std::getenv("PATH");
  return current_os() == target_os::linux_os && path && browser_on_path(browser, path);
}

std::vector<manifest_target> resolve_targets(const selection& sel, target_os os, const fs::path& home,
                                             bool for_removal, const std::function<bool(std::string_view)>& installed) {
  std::vector<manifest_target> out;
  for (const auto& name : sel.browsers)
    if (!find_browser(name))
      throw error(errc::bad_request, "unknown browser \"" + name +
                                         "\" (supported: chrome, chromium, brave, edge, vivaldi, firefox, librewolf)");
  // --dir takes the flavour of a Gecko browser named alongside it.
  const bool gecko_named = std::any_of(sel.browsers.begin(), sel.browsers.end(), [](const std::string& b) {
    return find_browser(b)->flavour == manifest_flavour::firefox;
  });
  for (const auto& d : sel.user_data_dirs) {
    const auto abs = fs::absolute(d);
    out.push_back({"", "Chromium profile " + abs.string(), manifest_flavour::chromium, abs / "NativeMessagingHosts",
                   "vigie install --user-data-dir " + quote_arg(abs.string()), true});
  }
  for (const auto& d : sel.dirs) {
    const auto abs = fs::absolute(d);
    const auto flavour = gecko_named && sel.browsers.size() == 1 ? manifest_flavour::firefox : manifest_flavour::chromium;
    std::string fix = "vigie install --dir " + quote_arg(abs.string());
    if (flavour == manifest_flavour::firefox) fix += " --browser " + sel.browsers.front();
    out.push_back({"", "folder " + abs.string(), flavour, abs, fix, true});
  }
  if (!sel.dirs.empty() || !sel.user_data_dirs.empty()) return out;

  const bool named = !sel.browsers.empty();
  for (const auto& b : supported_browsers()) {
    if (named && std::find(sel.browsers.begin(), sel.browsers.end(), b.name) == sel.browsers.end()) continue;
    if (sel.system) {
      const auto dirs = system_manifest_dirs(os, b.name);
      if (dirs.empty() && named)
        throw error(errc::bad_request, b.label + " has no system-wide manifest folder; install it per user");
      for (const auto& d : dirs)
        out.push_back({b.name, b.label, b.flavour, d, "sudo vigie install --system --browser " + b.name, named});
      continue;
    }
    const auto dir = user_manifest_dir(os, home, b.name);
    if (!dir) continue;
    const auto config = browser_config_dir(os, home, b.name);
    std::error_code ec;
    if (!named && !for_removal && !fs::is_directory(*config, ec) && !(installed && installed(b.name))) continue;
    out.push_back({b.name, b.label, b.flavour, *dir, "vigie install --browser " + b.name, named});
  }
  return out;
}

fs::path default_host_path() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return self.parent_path() / "vigie-host";
}

fs::path record_file() { return resolve_paths().config_dir / "installed-manifests"; }

record read_record(const fs::path& file) {
  record r;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("file ", 0) == 0) push_unique(r.files, line.substr(5));
    else if (line.rfind("dir ", 0) == 0) push_unique(r.dirs, line.substr(4));
  }
  return r;
}

void write_record(const fs::path& file, const record& r) {
  if (r.files.empty() && r.dirs.empty()) {
    std::error_code ec;
    fs::remove(file, ec);
    return;
  }
  ensure_private_dir(file.parent_path());
  std::ofstream out(file, std::ios::trunc);
  out << "# Host manifests written by `vigie install`; `vigie uninstall` removes them.\n";
  for (const auto& f : r.files) out << "file " << f.string() << "\n";
  for (const auto& d : r.dirs) out << "dir " << d.string() << "\n";
  if (!out) throw error(errc::storage_error, "cannot write " + file.string());
}

install_outcome install_manifests(const std::vector<manifest_target>& targets, const fs::path& host_path,
                                  bool dry_run, const fs::path& record_path, std::ostream& out,
                                  const std::vector<std::string>& extra_ids) {
  install_outcome result;
  record rec = read_record(record_path);
  for (const auto& t : targets) {
    const fs::path file = t.dir / manifest_file_name();
    const std::string text = render_manifest(t.flavour, host_path, extra_ids);
    const char* flavour = t.flavour == manifest_flavour::chromium ? "allowed_origins" : "allowed_extensions";
    if (dry_run) {
      out << "would write " << file.string() << " (" << t.label << ", " << flavour << ", path " << host_path.string()
          << "):\n" << text;
      continue;
    }
    std::error_code ec;
    // Never overwrite a manifest of the same name that somebody else wrote.
    if (fs::exists(file, ec) && !is_our_manifest(read_text(file))) {
      out << "skipped " << file.string() << ": a file of that name exists and was not written by Vigie\n";
      ++result.failed;
      continue;
    }
    // Record each folder we create (outermost first) so uninstall can remove it.
    std::vector<fs::path> created;
    for (fs::path p = t.dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
      created.insert(created.begin(), p);
      if (p == p.parent_path()) break;
    }
    fs::create_directories(t.dir, ec);
    if (ec) {
      out << "failed " << file.string() << ": cannot create the folder: " << ec.message() << "\n";
      ++result.failed;
      continue;
    }
    for (const auto& d : created) push_unique(rec.dirs, d);
    const fs::path tmp = file.string() + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      f << text;
      if (!f) {
        out << "failed " << file.string() << ": cannot write\n";
        ++result.failed;
        continue;
      }
    }
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                    ec);
    fs::rename(tmp, file, ec);
    if (ec) {
      out << "failed " << file.string() << ": " << ec.message() << "\n";
      fs::remove(tmp, ec);
      ++result.failed;
      continue;
    }
    push_unique(rec.files, file);
    out << "wrote " << file.string() << " (" << t.label << ")\n";
    ++result.written;
  }
  if (!dry_run) write_record(record_path, rec);
  return result;
}

install_outcome uninstall_manifests(const std::vector<manifest_target>& targets, bool dry_run,
                                    const fs::path& record_path, std::ostream& out) {
  install_outcome result;
  record rec = read_record(record_path);
  std::vector<fs::path> candidates;
  for (const auto& t : targets) push_unique(candidates, t.dir / manifest_file_name());
  // An uninstall without a selection also takes everything the record names.
  const bool everything = std::none_of(targets.begin(), targets.end(), [](const auto& t) { return t.explicit_choice; });
  if (everything)
    for (const auto& f : rec.files) push_unique(candidates, f);
  std::vector<fs::path> removed;
  for (const auto& file : candidates) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) continue;
    if (!is_our_manifest(read_text(file))) {
      out << "kept " << file.string() << ": not written by Vigie\n";
      continue;
    }
    if (dry_run) {
      out << "would remove " << file.string() << "\n";
      continue;
    }
    if (!fs::remove(file, ec) || ec) {
      out << "failed to remove " << file.string() << ": " << ec.message() << "\n";
      ++result.failed;
      continue;
    }
    out << "removed " << file.string() << "\n";
    removed.push_back(file);
    ++result.written;
  }
  if (dry_run) return result;
  std::erase_if(rec.files, [&](const fs::path& f) {
    std::error_code ec;
    return std::find(removed.begin(), removed.end(), f) != removed.end() || !fs::exists(f, ec);
  });
  // Folders we created, innermost first, only when nothing else lives there.
  std::vector<fs::path> dirs = rec.dirs;
  std::sort(dirs.begin(), dirs.end(), [](const fs::path& a, const fs::path& b) { return a.string().size() > b.string().size(); });
  for (const auto& d : dirs) {
    std::error_code ec;
    const bool still_used = std::any_of(rec.files.begin(), rec.files.end(),
                                        [&](const fs::path& f) { return f.string().rfind(d.string() + "/", 0) == 0; });
    if (still_used) continue;
    if (fs::is_directory(d, ec) && fs::is_empty(d, ec)) {
      fs::remove(d, ec);
      if (!ec) out << "removed empty folder " << d.string() << "\n";
    }
    if (!fs::exists(d, ec)) std::erase(rec.dirs, d);
  }
  write_record(record_path, rec);
  return result;
}

windows_bundle windows_install_bundle(const std::string& host_path, bool system) {
  windows_bundle b;
  b.chromium_manifest = render_manifest(manifest_flavour::chromium, host_path);
  b.firefox_manifest = render_manifest(manifest_flavour::firefox, host_path);
  const auto slash = host_path.find_last_of("\\/");
  const std::string folder = slash == std::string::npos ? std::string() : host_path.substr(0, slash + 1);
  std::vector<windows_entry> entries;
  for (const auto& br : supported_browsers())
    entries.push_back({br.name, folder + host_name() + (br.flavour == manifest_flavour::firefox ? ".firefox.json" : ".json")});
  b.reg = windows_reg_text(entries, host_name(), system);
  return b;
}

namespace {

struct install_options {
  selection sel;
  bool dry_run = false;
  std::string host_path;
  std::string windows_dir;
};

void add_selection_options(CLI::App& cmd, install_options& o) {
  std::vector<std::string> names;
  for (const auto& b : supported_browsers()) names.push_back(b.name);
  cmd.add_option("--browser", o.sel.browsers, "Only these browsers (repeat or comma-separate)")
      ->delimiter(',')
      ->check(CLI::IsMember(names));
  cmd.add_option("--user-data-dir", o.sel.user_data_dirs,
                 "A Chromium profile started with --user-data-dir (manifest goes in DIR/NativeMessagingHosts)");
  cmd.add_option("--dir", o.sel.dirs, "Any folder (Chromium flavour unless --browser firefox/librewolf)");
  cmd.add_flag("--system", o.sel.system, "The system-wide folders (needs root)");
  cmd.add_flag("--dry-run", o.dry_run, "Print what would be written or removed, change nothing");
}

fs::path home_dir() {
  const char* h = std::getenv("HOME");
  if (!h || !*h) throw error(errc::bad_request, "HOME is not set");
  return h;
}

void run_install(const install_options& o) {
  if (!o.windows_dir.empty()) {
    if (o.host_path.empty())
      throw error(errc::bad_request, "--windows needs --host-path C:\\path\\to\\vigie-host.exe (where it will live)");
    const auto b = windows_install_bundle(o.host_path, o.sel.system);
    const fs::path dir = o.windows_dir;
    fs::create_directories(dir);
    std::ofstream(dir / manifest_file_name(), std::ios::binary) << b.chromium_manifest;
    std::ofstream(dir / (host_name() + ".firefox.json"), std::ios::binary) << b.firefox_manifest;
    std::ofstream(dir / "vigie-host.reg", std::ios::binary) << b.reg;
    std::cout << "wrote " << (dir / manifest_file_name()).string() << ", " << (dir / (host_name() + ".firefox.json")).string()
              << " and " << (dir / "vigie-host.reg").string()
              << "\nCopy the two manifests next to vigie-host.exe, then double-click vigie-host.reg (or `reg import "
                 "vigie-host.reg`).\n";
    return;
  }
  fs::path host = o.host_path.empty() ? default_host_path() : fs::path(o.host_path);
  host = fs::absolute(host);
  if (::access(host.c_str(), X_OK) != 0)
    throw error(errc::not_found, "no executable vigie-host at " + host.string() +
                                     " (build it, or name it with --host-path /absolute/path/to/vigie-host)");
  const auto targets = resolve_targets(o.sel, current_os(), home_dir(), false, installed_on_path);
  if (targets.empty())
    throw error(errc::not_found,
                "no supported browser found for this user (no profile folder nor program of chrome, chromium, brave, "
                "edge, vivaldi, firefox or librewolf); name one with --browser, or use --user-data-dir / --dir");
  // The user's own allowed-callers (a build signed with another key) go into the user's manifests;
  // system-wide manifests serve every user, so they keep Vigie's ids only.
  std::vector<std::string> extra;
  if (!o.sel.system) {
    try {
      extra = read_allowed_callers(resolve_paths().config_dir / "allowed-callers");
    } catch (const error&) {
      // Neither VIGIE_HOME nor HOME: no user file to read.
    }
  }
  const auto r = install_manifests(targets, host, o.dry_run, record_file(), std::cout, extra);
  if (!o.dry_run)
    std::cout << r.written << " manifest(s) written for " << host_name() << " -> " << host.string()
              << (r.failed ? "; " + std::to_string(r.failed) + " failed" : std::string()) << "\n"
              << "Check with: vigie doctor\n";
  if (r.failed) throw error(errc::storage_error, std::to_string(r.failed) + " manifest(s) could not be written");
}

void run_uninstall(const install_options& o) {
  const auto targets = resolve_targets(o.sel, current_os(), home_dir(), true);
  const auto r = uninstall_manifests(targets, o.dry_run, record_file(), std::cout);
  if (!o.dry_run) std::cout << r.written << " manifest(s) removed\n";
  if (r.failed) throw error(errc::storage_error, std::to_string(r.failed) + " manifest(s) could not be removed");
}

}  // namespace

void add_install_command(CLI::App& app) {
  auto o = std::make_shared<install_options>();
  auto* cmd = app.add_subcommand("install", "Register vigie-host with your browsers (writes host manifests)");
  add_selection_options(*cmd, *o);
  cmd->add_option("--host-path", o->host_path, "The vigie-host to register (default: next to this vigie)");
  cmd->add_option("--windows", o->windows_dir,
                  "Write the Windows manifests and a .reg file into this folder (with --host-path C:\\...\\vigie-host.exe)");
  cmd->callback([o] { run_install(*o); });
}

void add_uninstall_command(CLI::App& app) {
  auto o = std::make_shared<install_options>();
  auto* cmd = app.add_subcommand("uninstall", "Remove the host manifests `vigie install` wrote (and nothing else)");
  add_selection_options(*cmd, *o);
  cmd->callback([o] { run_uninstall(*o); });
}

}  // namespace vigie::cli
