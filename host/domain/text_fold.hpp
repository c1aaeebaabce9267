#pragma once
// Text helpers for matching what people type against our lexicons. Pages and
// users mix case and accents freely ("Coiffeuse", "COIFFEUSE", "coiffeuse",
// "Bouchère", "bouchere"), and scammers dress words up ("𝐂𝐫𝐲𝐩𝐭𝐨", "ｃｒｙｐｔｏ",
// "cr\u00ADypto"), so everything is compared in a folded form. The Unicode
// rules come from utf8proc (Debian's libutf8proc), not from tables of our own;
// it is small and starts fast, which ICU does not.
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

// Unicode compatibility normalisation (NFKC: ﬁ→fi, fullwidth and mathematical
// letters→ASCII), full case folding (any script: É→é, ß→ss, Σ→σ), marks
// stripped (é→e, also when typed as e + U+0301), default-ignorable characters
// dropped (soft hyphen, zero-width space and joiner, bidi controls), and
// apostrophes, dashes and spaces lumped to their ASCII forms (’→', –→-,
// no-break space→space). Latin letters that Unicode does not decompose are
// spelled with their base letters as a reader would (æ→ae, œ→oe, ø→o, ł→l,
// þ→th, dotless ı→i). Letters of other scripts stay themselves: Cyrillic "а"
// never becomes Latin "a". Invalid bytes become U+FFFD first, one per byte.
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
