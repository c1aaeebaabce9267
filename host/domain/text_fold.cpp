#include "domain/text_fold.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <new>

namespace vigie::domain {

std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& cp) {
  utf8proc_int32_t decoded = 0;
  const auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &decoded);
  // Negative: a bad lead or continuation byte, truncated, overlong, a surrogate or beyond U+10FFFF.
  if (len <= 0) return 0;
  cp = static_cast<char32_t>(decoded);
  return static_cast<std::size_t>(len);
}

namespace {

// Calls each(code point, its bytes) through the text; a byte that does not
// start a valid sequence is U+FFFD with no bytes, and the next byte is tried.
template <class Each>
void for_each_code_point(std::string_view text, Each each) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const auto len = utf8_sequence(text, i, cp);
    each(len ? cp : char32_t{0xFFFD}, text.substr(i, len));
    i += len ? len : 1;
  }
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t cp, std::string_view) { out.push_back(cp); });
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t bytes[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes);
  out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

namespace {

// Latin letters with no decomposition in Unicode (a stroke or a ligature is a
// letter of its own there), after case folding: what a French or English
// reader takes them for. Everything else comes from utf8proc.
struct spelled {
  char32_t letter;
  const char* as;
};
constexpr spelled undecomposed_latin[] = {
    {U'æ', "ae"}, {U'ð', "d"}, {U'ø', "o"}, {U'þ', "th"}, {U'đ', "d"}, {U'ħ', "h"},
    {U'ı', "i"},  {U'ĸ', "k"}, {U'ł', "l"}, {U'ŋ', "n"},  {U'œ', "oe"}, {U'ŧ', "t"},
};

const char* spelling_of(char32_t cp) {
  for (const auto& s : undecomposed_latin)
    if (s.letter == cp) return s.as;
  return nullptr;
}

bool is_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// The text with every byte that is not UTF-8 replaced by U+FFFD (utf8proc
// refuses a whole string for one bad byte).
std::string repaired(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t, std::string_view bytes) {
    if (bytes.empty()) out += "\xEF\xBF\xBD";
    else out += bytes;
  });
  return out;
}

struct free_deleter {
  void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string fold(std::string_view text) {
  // Most names, headlines and lexicon forms are ASCII, where all the rules
  // below come down to lower case: that path never touches utf8proc's tables.
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  const std::string valid = repaired(text);
  utf8proc_uint8_t* mapped = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                              static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                             UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                             UTF8PROC_IGNORE | UTF8PROC_LUMP));
  const std::unique_ptr<utf8proc_uint8_t, free_deleter> owned(mapped);
  // Only out of memory is left once the bytes are valid UTF-8.
  if (n < 0) throw std::bad_alloc();
  const std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::string out;
  out.reserve(folded.size());
  for_each_code_point(folded, [&](char32_t cp, std::string_view bytes) {
    if (const char* as = cp >= 0x80 ? spelling_of(cp) : nullptr) out += as;
    else out += bytes;
  });
  return out;
}

std::vector<std::string> tokenize(std::string_view folded) {
  std::vector<std::string> words;
  std::string current;
  for (char c : folded) {
    if (is_word_byte(c)) {
      current.push_back(c);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::string normalize_word(std::string_view folded_word) {
  std::string w(folded_word);
  // Plural first: coiffeuses → coiffeuse, bijoux → bijou. "ss" is not a
  // plural (business, process) and short words are left alone (bus, gas).
  if (w.size() > 3 && (w.back() == 's' || w.back() == 'x') && !ends_with(w, "ss")) {
    w.pop_back();
  }
  // Feminine to masculine. Ordered longest first; each rule needs a stem of
  // at least three letters left, so short words are not mangled.
  struct rule {
    std::string_view from;
    std::string_view to;
  };
  static constexpr rule rules[] = {
      {"trice", "teur"},  // actrice, directrice
      {"euse", "eur"},    // coiffeuse, masseuse, vendeuse
      {"ienne", "ien"},   // esthéticienne, pharmacienne
      {"iere", "ier"},    // charcutière, infirmière
      {"ere", "er"},      // bouchère, boulangère
      {"ive", "if"},      // créative → créatif
      {"ee", "e"},        // employée → employé (then the e rule below)
  };
  for (int pass = 0; pass < 2; ++pass) {
    bool changed = false;
    for (const auto& r : rules) {
      if (ends_with(w, r.from) && w.size() - r.from.size() >= 3) {
        w.resize(w.size() - r.from.size());
        w += r.to;
        changed = true;
        break;
      }
    }
    if (changed) continue;
    // The common feminine "-e": avocate → avocat, employe → employ. Applied
    // to both sides, so "trade" → "trad" is harmless.
    if (w.size() > 4 && w.back() == 'e') {
      w.pop_back();
    }
    break;
  }
  return w;
}

std::vector<std::string> normalized_words(std::string_view text) {
  auto words = tokenize(fold(text));
  for (auto& w : words) w = normalize_word(w);
  return words;
}

}  // namespace vigie::domain
