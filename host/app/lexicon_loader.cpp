#include "app/lexicon_loader.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "common/error.hpp"
#include "common/files.hpp"
#include "common/version.hpp"

namespace vigie::app {

namespace fs = std::filesystem;

namespace {

bool has_lexicon_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const auto name = item.path().filename().string();
    if (item.path().extension() == ".txt" &&
        (name.starts_with("odd_titles") || name.starts_with("scam_phrases"))) {
      return true;
    }
  }
  return false;
}

std::string read_file(const fs::path& file) {
  auto text = read_whole_file(file);
  if (!text) throw error(errc::internal, "cannot read lexicon " + file.string());
  return std::move(*text);
}

// Refuses anything but an array of strings, naming the key.
void validate_lexicon_setting(std::string_view key, const nlohmann::json& value) {
  const bool ok = value.is_array() && std::all_of(value.begin(), value.end(), [](const auto& v) {
                    return v.is_string();
                  });
  if (!ok) throw error(errc::bad_request, std::string(key) + " must be an array of strings");
}

std::vector<std::string> string_array(const nlohmann::json& settings, const std::string& key) {
  std::vector<std::string> out;
  if (!settings.is_object()) return out;
  const auto it = settings.find(key);
  if (it == settings.end() || it->is_null()) return out;
  validate_lexicon_setting(key, *it);
  for (const auto& item : *it) out.push_back(item.get<std::string>());
  return out;
}

}  // namespace

std::optional<fs::path> find_lexicon_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("VIGIE_DATA_DIR"); env && *env) {
    candidates.emplace_back(fs::path(env) / "lexicons");
    candidates.emplace_back(env);
  }
  candidates.emplace_back(fs::path(data_install_dir) / "lexicons");
  candidates.emplace_back(fs::path(source_data_dir) / "lexicons");
  for (const auto& dir : candidates) {
    if (has_lexicon_files(dir)) return dir;
  }
  return std::nullopt;
}

domain::lexicon_set load_lexicons(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    if (item.path().extension() == ".txt") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  domain::lexicon_set set;
  for (const auto& file : files) {
    const auto name = file.filename().string();
    domain::lexicon* target = name.starts_with("odd_titles")     ? &set.odd_titles
                              : name.starts_with("scam_phrases") ? &set.scam_phrases
                                                                 : nullptr;
    if (!target) continue;
    std::vector<std::string> problems;
    domain::merge(*target, domain::parse_lexicon(read_file(file), file.string(), &problems));
    for (const auto& p : problems) spdlog::warn("lexicon: {}", p);
  }
  spdlog::debug("lexicons from {}: {} odd titles, {} scam phrases", dir.string(),
                set.odd_titles.entries.size(), set.scam_phrases.entries.size());
  return set;
}

const domain::lexicon_set& shipped_lexicons() {
  static const domain::lexicon_set set = [] {
    if (const auto dir = find_lexicon_dir()) {
      try {
        return load_lexicons(*dir);
      } catch (const std::exception& e) {
        spdlog::error("lexicons: {}", e.what());
      }
    } else {
      spdlog::warn("no lexicon folder found (VIGIE_DATA_DIR, {}, {}): odd titles and scam phrases "
                   "will not be recognised",
                   data_install_dir, source_data_dir);
    }
    return domain::lexicon_set{};
  }();
  return set;
}

domain::lexicon_set with_overrides(const domain::lexicon_set& base, const nlohmann::json& settings) {
  domain::lexicon_set out = base;
  domain::apply_overrides(out.odd_titles, {string_array(settings, "lexicon.odd_titles.add"),
                                           string_array(settings, "lexicon.odd_titles.remove")});
  domain::apply_overrides(out.scam_phrases, {string_array(settings, "lexicon.scam_phrases.add"),
                                             string_array(settings, "lexicon.scam_phrases.remove")});
  return out;
}

}  // namespace vigie::app
