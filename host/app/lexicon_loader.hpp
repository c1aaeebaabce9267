#pragma once
// Finds and reads the shipped lexicons (data/lexicons/*.txt, installed to
// share/vigie/lexicons), and applies the user's additions and removals from
// the settings lexicon.<list>.add / lexicon.<list>.remove.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "domain/lexicon.hpp"

namespace vigie::app {

// The first folder that holds lexicon files, looking in order at
// $VIGIE_DATA_DIR/lexicons, $VIGIE_DATA_DIR, <install prefix>/share/vigie/lexicons
// and the source tree's data/lexicons (so a build runs without installing).
std::optional<std::filesystem::path> find_lexicon_dir();

// Reads every odd_titles*.txt and scam_phrases*.txt in `dir`, in name order,
// and merges them per list. Lines that make no sense are logged and skipped:
// a typo in one entry must not cost the user the whole assessment.
domain::lexicon_set load_lexicons(const std::filesystem::path& dir);

// Loaded once per process from find_lexicon_dir(); empty lists (and a
// warning in the log) when no folder is found.
const domain::lexicon_set& shipped_lexicons();

// `base` with the overrides found in `settings` (an object of key → value, as
// settings.get returns it; other keys are ignored, null means unset).
domain::lexicon_set with_overrides(const domain::lexicon_set& base, const nlohmann::json& settings);

}  // namespace vigie::app
