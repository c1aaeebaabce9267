#pragma once
// Who may talk to the host: our own extension ids (compiled in from
// manifest/extension-ids.json) plus ids the user lists in allowed-callers.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vigie {

enum class caller_kind { none, chromium, firefox };

struct caller {
  caller_kind kind = caller_kind::none;
  std::string id;      // extension id (Chromium) or add-on id (Firefox)
  std::string origin;  // as passed, for the log
};

// Chromium: argv[1] = "chrome-extension://<id>/". Firefox: argv[1] = manifest
// path, argv[2] = add-on id. Anything else: kind none.
caller identify_caller(int argc, const char* const* argv);

const std::vector<std::string>& builtin_chromium_ids();
const std::vector<std::string>& builtin_firefox_ids();
const char* native_host_name();

// One id per line; '#' starts a comment; blank lines ignored. Missing file = no extra ids.
std::vector<std::string> read_allowed_callers(const std::filesystem::path& file);

bool is_allowed(const caller& who, const std::vector<std::string>& extra_ids);

}  // namespace vigie
