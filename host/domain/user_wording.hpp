#pragma once
// The user's own note model: the words and word pairs of the notes of people
// they marked fake or trusted (person.mark), counted in their database
// (storage/verdict_words_repository). A note that repeats, for the most part,
// wording found in notes they marked fake and never in notes they trusted is
// recognised the next time, whatever the lexicons and the shipped model say.
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigie::domain {

// For some word features ("w:" / "b:", domain/note_model.hpp): in how many
// notes of people marked fake, and of people marked trusted, it occurs.
struct user_wording {
  std::unordered_map<std::string, std::pair<int, int>> counts;  // feature -> {fake, trusted}
};

struct user_evidence {
  double share = 0;                // of the note's word pairs seen in fake-marked notes only
  std::vector<std::string> words;  // some of them, in the note's order
};

// The evidence for `note_words` (domain::note_words), or nullopt when fewer
// than 3 word pairs of the note were in notes the user marked fake and never
// in one they trusted (two everyday pairs such as "call me" are no template).
std::optional<user_evidence> match_user_wording(const std::vector<std::string>& note_words,
                                                const user_wording& wording, std::size_t max_words = 3);

}  // namespace vigie::domain
