#pragma once
// The learned note models around domain::assess: the shipped model
// (data/models/note_model.txt, loaded the first time a note is assessed, never
// before) and the user's own wording model (storage/verdict_words_repository,
// fed by person.mark).
#include <cstdint>
#include <filesystem>
#include <optional>

#include "domain/assessment.hpp"
#include "storage/database.hpp"

namespace vigie::app {

// $VIGIE_NOTE_MODEL (a file, or "off" for none), else models/note_model.txt
// in $VIGIE_DATA_DIR, the install prefix's share/vigie, then the source tree.
std::optional<std::filesystem::path> find_note_model();

// Loaded on the first call; nullptr (and a warning in the log, once) when
// there is no model file or it cannot be read.
const domain::note_model* shipped_note_model();

// The assessment of `p` with `lexicons` (context::lexicons: the user's
// settings applied), the shipped note model and the user's verdicts from
// `db`, when `p` has a note.
domain::assessment assess_with_models(storage::database& db, const domain::lexicon_set& lexicons,
                                      const domain::profile& p);

// The models for `p` alone (no user verdicts): what `vigie assess` uses.
domain::text_models shipped_models_for(const domain::profile& p);

// Records the wording of the notes of person `person_id` (received
// invitations and the last invitation_message seen) under `verdict`
// ("fake", "trusted"; nullopt forgets it).
void learn_verdict(storage::database& db, std::int64_t person_id, const std::optional<std::string>& verdict);

}  // namespace vigie::app
