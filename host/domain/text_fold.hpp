#pragma once
// Text helpers for matching what people type against our lexicons. Pages and
// users mix case and accents freely ("Coiffeuse", "COIFFEUSE", "coiffeuse",
// "Bouchère", "bouchere"), so everything is compared in a folded form: ASCII
// lower case with common Latin accents removed. Deliberately no ICU: the
// host must start fast and the lexicons are Latin-script only.
#include <string>
#include <string_view>
#include <vector>

namespace vigie::domain {

// Decodes UTF-8; an invalid byte becomes U+FFFD so callers never have to deal
// with half sequences.
std::u32string decode_utf8(std::string_view text);
// The valid UTF-8 sequence starting at text[i]: its length (1-4) and code
// point in cp; 0 when the bytes there are not UTF-8 (bad lead or continuation
// byte, truncated, overlong, surrogate, beyond U+10FFFF).
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& cp);
void append_utf8(std::string& out, char32_t cp);

// Lower-cases ASCII, maps Latin-1 and Latin Extended-A letters to their base
// letters (é→e, ç→c, œ→oe, ß→ss), turns typographic apostrophes and
// non-breaking spaces into their ASCII forms. Other characters are kept.
std::string fold(std::string_view text);

// Splits folded text into words: maximal runs of [a-z0-9]. Everything else
// (punctuation, emoji, scripts we do not fold) separates words, so matching
// is always on whole words.
std::vector<std::string> tokenize(std::string_view folded);

// Reduces a folded word to a shared form for its plural and feminine
// variants, so that one lexicon entry matches "coiffeur", "coiffeuse",
// "coiffeuses", "charcutière", "bouchers", "hairdressers". It is applied to
// both the lexicon and the text, so it only has to be consistent, not
// linguistically exact.
std::string normalize_word(std::string_view folded_word);

// fold + tokenize + normalize_word.
std::vector<std::string> normalized_words(std::string_view text);

}  // namespace vigie::domain
