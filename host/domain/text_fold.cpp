#include "domain/text_fold.hpp"

#include <array>
#include <cstdint>

namespace vigie::domain {

std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  const std::size_t len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  static constexpr char32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < shortest[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const auto len = utf8_sequence(text, i, cp);
    out.push_back(len ? cp : 0xFFFD);
    i += len ? len : 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// Base letters for U+00C0..U+00FF; "" keeps the character (× and ÷).
constexpr std::array<const char*, 64> latin1_upper = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters for U+0100..U+017F (Latin Extended-A), in code point order.
constexpr std::array<const char*, 128> latin_ext_a = {
    "a",  "a",  "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // 0100
    "d",  "d",  "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // 0110
    "g",  "g",  "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // 0120
    "i",  "i",  "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 0130
    "l",  "l",  "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // 0140
    "o",  "o",  "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 0150
    "s",  "s",  "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // 0160
    "u",  "u",  "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};  // 0170

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : decode_utf8(text)) {
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(c);
    } else if (cp >= 0xC0 && cp <= 0xFF && *latin1_upper[cp - 0xC0] != '\0') {
      out += latin1_upper[cp - 0xC0];
    } else if (cp >= 0x100 && cp <= 0x17F) {
      out += latin_ext_a[cp - 0x100];
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
      out.push_back('\'');
    } else if (cp == 0x00A0 || cp == 0x202F || cp == 0x2009) {
      out.push_back(' ');
    } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) {
      out.push_back('-');
    } else {
      append_utf8(out, cp);
    }
  }
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
