#include "common/callers.hpp"

#include <algorithm>

#include "common/extension_ids.hpp"
#include "common/files.hpp"

namespace vigie {

caller identify_caller(int argc, const char* const* argv) {
  caller who;
  if (argc >= 2 && argv[1]) {
    const std::string first = argv[1];
    const std::string prefix = "chrome-extension://";
    if (first.rfind(prefix, 0) == 0) {
      who.kind = caller_kind::chromium;
      who.origin = first;
      who.id = first.substr(prefix.size());
      if (!who.id.empty() && who.id.back() == '/') who.id.pop_back();
      return who;
    }
    if (argc >= 3 && argv[2] && *argv[2]) {
      who.kind = caller_kind::firefox;
      who.id = argv[2];
      who.origin = argv[2];
    }
  }
  return who;
}

const std::vector<std::string>& builtin_chromium_ids() {
  static const std::vector<std::string> ids(std::begin(generated::chromium_ids), std::end(generated::chromium_ids));
  return ids;
}

const std::vector<std::string>& builtin_firefox_ids() {
  static const std::vector<std::string> ids(std::begin(generated::firefox_ids), std::end(generated::firefox_ids));
  return ids;
}

const char* native_host_name() { return generated::host_name; }

std::vector<std::string> read_allowed_callers(const std::filesystem::path& file) {
  std::vector<std::string> ids;
  const std::string text = read_whole_file(file).value_or("");
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    const auto last = line.find_last_not_of(" \t\r");
    std::string id = line.substr(first, last - first + 1);
    // Accept a pasted origin as well as a bare id.
    const std::string prefix = "chrome-extension://";
    if (id.rfind(prefix, 0) == 0) id = id.substr(prefix.size());
    if (!id.empty() && id.back() == '/') id.pop_back();
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

bool is_allowed(const caller& who, const std::vector<std::string>& extra_ids) {
  if (who.kind == caller_kind::none || who.id.empty()) return false;
  const auto& builtin = who.kind == caller_kind::chromium ? builtin_chromium_ids() : builtin_firefox_ids();
  auto has = [&](const std::vector<std::string>& ids) { return std::find(ids.begin(), ids.end(), who.id) != ids.end(); };
  return has(builtin) || has(extra_ids);
}

}  // namespace vigie
