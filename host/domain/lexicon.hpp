#pragma once
// Word lists that the assessment matches against profile text: odd titles for
// a professional network ("coiffeuse", "charcutier") and scam phrases ("add me
// on WhatsApp", "ma chérie"). They are data, not code, so users can extend
// them (settings `lexicon.*.add` / `.remove`) and translators can add a
// language without a rebuild.
//
// Text format (one file per list and language, see data/lexicons/):
//   # comment               anything after '#' is ignored
//   [category]              following entries belong to this category
//   coiffeur | coiffeuse    one entry; '|' separates alternative forms
//   crypto*                 a word ending in '*' matches any word it starts
//   move to whatsapp        several words match as a phrase, in order
// Matching ignores case and accents and works on whole words; plural and
// feminine forms are folded together (see normalize_word), so "coiffeur"
// also matches "Coiffeuses" and "boucher" matches "Bouchère".
#include <string>
#include <string_view>
#include <vector>

namespace vigie::domain {

struct lexicon_entry {
  std::string label;     // the first form as written in the file, for reasons
  std::string category;  // the [section] it was listed under; "" when none
  // Each form is a word sequence in normalized form; a word ending in '*' is
  // a folded prefix.
  std::vector<std::vector<std::string>> forms;
};

struct lexicon {
  std::vector<lexicon_entry> entries;
};

struct lexicon_match {
  std::string label;
  std::string category;
};

struct lexicon_overrides {
  std::vector<std::string> add;     // entry lines, same syntax as the files
  std::vector<std::string> remove;  // any form of the entries to drop
};

// Parses the text format above. Lines without any word are skipped and, when
// `problems` is given, described there as "<source>:<line>: <why>".
lexicon parse_lexicon(std::string_view text, std::string_view source = "lexicon",
                      std::vector<std::string>* problems = nullptr);

// Parses one entry line ("coiffeur | coiffeuse"); false when it has no word.
bool parse_entry(std::string_view line, std::string_view category, lexicon_entry& out);

void merge(lexicon& into, const lexicon& from);

// Removes the entries one of whose forms equals a `remove` item (so removing
// "coiffeuse" drops the whole "coiffeur | coiffeuse" entry), then appends the
// `add` items under the category "user". Removal runs first so that a user
// can replace a shipped entry by removing and re-adding it.
void apply_overrides(lexicon& lex, const lexicon_overrides& overrides);

// Entries found in `text`, each at most once, in lexicon order.
std::vector<lexicon_match> find_matches(const lexicon& lex, std::string_view text);

// Same, on text already passed through normalized_words (saves refolding when
// one text is matched against several lexicons).
std::vector<lexicon_match> find_matches(const lexicon& lex, const std::vector<std::string>& words);

}  // namespace vigie::domain

namespace vigie::domain {

// The two lists the assessment uses, each merged from every language file.
struct lexicon_set {
  lexicon odd_titles;
  lexicon scam_phrases;
};

}  // namespace vigie::domain
