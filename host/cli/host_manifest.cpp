#include "cli/host_manifest.hpp"

#include <algorithm>

#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/manifest_templates.hpp"
#include "common/callers.hpp"

namespace vigie::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The description doubles as our marker: it is in both templates.
constexpr std::string_view marker = "Vigie native messaging host";

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
}

bool contains(const json& array, const std::string& value) {
  if (!array.is_array()) return false;
  for (const auto& v : array)
    if (v.is_string() && v.get<std::string>() == value) return true;
  return false;
}

}  // namespace

std::string host_name() { return native_host_name(); }

std::vector<std::string> chromium_origins() {
  std::vector<std::string> out;
  for (const auto& id : builtin_chromium_ids()) out.push_back("chrome-extension://" + id + "/");
  return out;
}

std::vector<std::string> firefox_extension_ids() { return builtin_firefox_ids(); }

std::string manifest_file_name() { return host_name() + ".json"; }

namespace {

// A Chromium extension id: 32 letters a-p (the first 128 bits of the key's SHA-256, one letter per nibble).
bool is_chromium_id(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'p'; });
}

void add_unique(std::vector<std::string>& list, std::string item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

}  // namespace

std::string render_manifest(manifest_flavour flavour, const fs::path& host_path, const std::vector<std::string>& extra_ids) {
  std::string text = flavour == manifest_flavour::chromium ? generated::chromium_manifest_template
                                                           : generated::firefox_manifest_template;
  auto origins = chromium_origins();
  auto extensions = firefox_extension_ids();
  for (const auto& id : extra_ids) {
    if (is_chromium_id(id)) add_unique(origins, "chrome-extension://" + id + "/");
    else if (!id.empty()) add_unique(extensions, id);
  }
  // json::dump escapes the path and ids properly (quotes, backslashes).
  replace_all(text, "\"@HOST_NAME@\"", json(host_name()).dump());
  replace_all(text, "\"@HOST_PATH@\"", json(host_path.string()).dump());
  replace_all(text, "@ALLOWED_ORIGINS@", json(origins).dump());
  replace_all(text, "@ALLOWED_EXTENSIONS@", json(extensions).dump());
  return text;
}

bool is_our_manifest(std::string_view text) {
  const json doc = json::parse(text, nullptr, false);
  if (!doc.is_object()) return false;
  const auto name = doc.find("name");
  const auto description = doc.find("description");
  return name != doc.end() && name->is_string() && name->get<std::string>() == host_name() &&
         description != doc.end() && description->is_string() &&
         description->get<std::string>().rfind(std::string(marker), 0) == 0;
}

manifest_check check_manifest_text(std::string_view text, manifest_flavour flavour, const std::string& fix_command) {
  manifest_check out;
  out.present = true;
  auto add = [&](std::string problem, std::string fix) { out.problems.push_back({std::move(problem), std::move(fix)}); };
  const json doc = json::parse(text, nullptr, false);
  if (!doc.is_object()) {
    add("the manifest is not a JSON object", "rewrite it with `" + fix_command + "`");
    return out;
  }
  if (!doc.contains("name") || doc["name"] != host_name())
    add("\"name\" is not \"" + host_name() + "\"", "rewrite it with `" + fix_command + "`");
  if (!doc.contains("type") || doc["type"] != "stdio")
    add("\"type\" is not \"stdio\"", "rewrite it with `" + fix_command + "`");
  if (!doc.contains("description") || !doc["description"].is_string() ||
      doc["description"].get<std::string>().empty())
    add("\"description\" is missing (Chromium refuses the manifest)", "rewrite it with `" + fix_command + "`");
  if (!doc.contains("path") || !doc["path"].is_string()) {
    add("\"path\" is missing", "rewrite it with `" + fix_command + "`");
  } else {
    out.host_path = doc["path"].get<std::string>();
    if (!out.host_path.is_absolute())
      add("\"path\" " + out.host_path.string() + " is not absolute (the browser says \"host not found\")",
          "rewrite it with `" + fix_command + " --host-path /absolute/path/to/vigie-host`");
    else if (!fs::exists(out.host_path))
      add("the host " + out.host_path.string() + " does not exist",
          "build or install vigie-host, then `" + fix_command + "` (or --host-path)");
    else if (::access(out.host_path.c_str(), X_OK) != 0)
      add("the host " + out.host_path.string() + " is not executable", "chmod +x " + out.host_path.string());
  }
  if (flavour == manifest_flavour::chromium) {
    for (const auto& origin : chromium_origins())
      if (!contains(doc.value("allowed_origins", json()), origin))
        add("\"allowed_origins\" lacks " + origin + " (the browser says \"access forbidden\")",
            "rewrite it with `" + fix_command + "`");
  } else {
    for (const auto& id : firefox_extension_ids())
      if (!contains(doc.value("allowed_extensions", json()), id))
        add("\"allowed_extensions\" lacks " + id, "rewrite it with `" + fix_command + "`");
  }
  out.valid = out.problems.empty();
  return out;
}

manifest_check check_manifest_file(const fs::path& file, manifest_flavour flavour, const std::string& fix_command) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    manifest_check out;
    out.problems.push_back({"no manifest at " + file.string(), "run `" + fix_command + "`"});
    return out;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return check_manifest_text(text.str(), flavour, fix_command);
}

}  // namespace vigie::cli
