#pragma once
// Native-messaging host manifests: rendered from the templates in manifest/
// (embedded at build time), and checked the way a browser would check them.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cli/browser_paths.hpp"

namespace vigie::cli {

// Our ids and host name, from manifest/extension-ids.json (compiled in).
std::string host_name();
std::vector<std::string> chromium_origins();  // chrome-extension://<id>/
std::vector<std::string> firefox_extension_ids();

std::string manifest_file_name();  // <host_name>.json

// `extra_ids`: the ids of the user's allowed-callers file (a Chromium id of 32
// letters a-p joins allowed_origins, any other id Firefox's allowed_extensions),
// so that a build of the extension signed with another key (installer/
// chromium-policy.sh) is let in by the browser as well as by the host.
std::string render_manifest(manifest_flavour flavour, const std::filesystem::path& host_path,
                            const std::vector<std::string>& extra_ids = {});

// True when the text is a manifest Vigie wrote: our name and our description
// marker. Uninstall removes nothing else.
bool is_our_manifest(std::string_view text);

struct manifest_problem {
  std::string problem;
  std::string fix;
};

struct manifest_check {
  bool present = false;
  bool valid = false;
  std::filesystem::path host_path;  // as named in the manifest
  std::vector<manifest_problem> problems;
};

// Checks name, type, absolute and executable path, and that our extension ids
// are allowed (allowed_origins for Chromium, allowed_extensions for Firefox).
// `fix_command` is the command that repairs it (e.g. vigie install --browser x).
manifest_check check_manifest_text(std::string_view text, manifest_flavour flavour, const std::string& fix_command);
manifest_check check_manifest_file(const std::filesystem::path& file, manifest_flavour flavour,
                                   const std::string& fix_command);

}  // namespace vigie::cli
