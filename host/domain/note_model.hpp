#pragma once
// The learned note model: a logistic regression over the words, word pairs and
// 3- and 4-letter pieces of words of an invitation note, trained by
// scripts/note_model/train.py (data/models/note_model.txt). Word lists only know
// the wording they were written from; pieces of words and weights learnt from
// real spam carry over to wording nobody listed. It is explainable: the
// evidence names the words whose features weighed most towards "scam".
//
// Features (identical in scripts/note_model/features.py): the folded note's
// words (runs of [a-z0-9], every digit as 0), "w:<word>", "b:<word> <word>" for
// neighbours, "c:<piece>" for each 3- and 4-letter piece of " word "; each
// counted once; the note's score is bias + sum(weight) / sqrt(feature count).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::domain {

// The note's words as the models see them: folded, digits as 0.
std::vector<std::string> note_words(std::string_view note);

// "w:" and "b:" features of `words` (each once, in order): what the user's own
// model (user_wording) counts.
std::vector<std::string> word_features(const std::vector<std::string>& words);

struct note_evidence {
  double probability = 0;          // of a scam note, 0-1
  std::vector<std::string> words;  // words or word pairs that weighed most towards scam, strongest first
};

class note_model {
 public:
  // Parses the model file's text: "#" comments, "bias <x>", "threshold <p>",
  // then "<weight> <feature>" lines. Throws error(internal) on a malformed line.
  static note_model parse(std::string_view text);

  // The probability above which a note counts as a scam note (chosen at
  // training on tuning data).
  double threshold() const noexcept { return threshold_; }
  std::size_t size() const noexcept { return weights_.size(); }

  // At most `max_words` words in the evidence.
  note_evidence score(std::string_view note, std::size_t max_words = 3) const;

 private:
  double weight_of(std::string_view feature) const;

  double bias_ = 0;
  double threshold_ = 0.5;
  std::vector<std::pair<std::uint64_t, float>> weights_;  // by feature hash, sorted
};

}  // namespace vigie::domain
