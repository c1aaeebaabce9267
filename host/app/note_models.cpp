#include "app/note_models.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <unordered_set>

#include "common/error.hpp"
#include "common/files.hpp"
#include "common/version.hpp"
#include "domain/ledger.hpp"
#include "storage/invitations_repository.hpp"
#include "storage/people_repository.hpp"
#include "storage/verdict_words_repository.hpp"

namespace vigie::app {

namespace fs = std::filesystem;

namespace {

bool has_note(const domain::profile& p) {
  return p.invitation_message && p.invitation_message->find_first_not_of(" \t\r\n") != std::string::npos;
}

std::optional<domain::note_model> load_note_model() {
  const auto path = find_note_model();
  if (!path) {
    spdlog::warn("note model: none found; notes are assessed with the lexicons only");
    return std::nullopt;
  }
  const auto text = read_whole_file(*path);
  if (!text) {
    spdlog::warn("note model: cannot read {}", path->string());
    return std::nullopt;
  }
  try {
    auto model = domain::note_model::parse(*text);
    spdlog::debug("note model: {} weights from {}", model.size(), path->string());
    return model;
  } catch (const error& e) {
    spdlog::warn("note model: {}: {}", path->string(), e.what());
    return std::nullopt;
  }
}

}  // namespace

std::optional<fs::path> find_note_model() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("VIGIE_NOTE_MODEL"); env && *env) {
    if (std::string_view(env) == "off") return std::nullopt;
    candidates.emplace_back(env);
  }
  if (const char* env = std::getenv("VIGIE_DATA_DIR"); env && *env)
    candidates.emplace_back(fs::path(env) / "models" / "note_model.txt");
  candidates.emplace_back(fs::path(data_install_dir) / "models" / "note_model.txt");
  candidates.emplace_back(fs::path(source_data_dir) / "models" / "note_model.txt");
  std::error_code ec;
  for (const auto& file : candidates) {
    if (fs::is_regular_file(file, ec)) return file;
  }
  return std::nullopt;
}

const domain::note_model* shipped_note_model() {
  static const std::optional<domain::note_model> model = load_note_model();
  return model ? &*model : nullptr;
}

domain::text_models shipped_models_for(const domain::profile& p) {
  domain::text_models m;
  if (has_note(p)) m.note = shipped_note_model();
  return m;
}

domain::assessment assess_with_models(storage::database& db, const domain::lexicon_set& lexicons,
                                      const domain::profile& p) {
  auto models = shipped_models_for(p);
  domain::user_wording wording;
  if (has_note(p)) {
    storage::verdict_words_repository words(db);
    if (!words.empty()) {
      wording = words.counts(domain::word_features(domain::note_words(*p.invitation_message)));
      models.user = &wording;
    }
  }
  return domain::assess(p, lexicons, models);
}

void learn_verdict(storage::database& db, std::int64_t person_id, const std::optional<std::string>& verdict) {
  std::vector<std::string> features;
  std::unordered_set<std::string> seen;
  const auto add_note = [&](const std::string& note) {
    for (auto& f : domain::word_features(domain::note_words(note))) {
      if (seen.insert(f).second) features.push_back(std::move(f));
    }
  };
  if (verdict) {
    if (const auto row = storage::people_repository(db).get(person_id); row && row->latest.invitation_message)
      add_note(*row->latest.invitation_message);
    for (const auto& inv : storage::invitations_repository(db).for_person(person_id)) {
      if (inv.direction == domain::to_string(domain::direction::received) && !inv.note.empty()) add_note(inv.note);
    }
  }
  std::optional<bool> fake;
  if (verdict) fake = *verdict == "fake";
  storage::verdict_words_repository(db).replace(person_id, fake, features);
}

}  // namespace vigie::app
