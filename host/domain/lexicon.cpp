#include "domain/lexicon.hpp"

#include <algorithm>

#include "domain/text_fold.hpp"

namespace vigie::domain {

namespace {

std::string_view trim(std::string_view s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  while (!s.empty() && !not_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && !not_space(s.back())) s.remove_suffix(1);
  return s;
}

// A form as matchable words. A trailing '*' on a word survives folding so it
// can mark a prefix; such a word is not normalized (crypto* must not become
// crypt*).
std::vector<std::string> form_words(std::string_view form) {
  const std::string folded = fold(form);
  std::vector<std::string> words;
  std::string current;
  const auto flush = [&](bool prefix) {
    if (current.empty()) return;
    words.push_back(prefix ? current + "*" : normalize_word(current));
    current.clear();
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current.push_back(c);
    } else {
      flush(c == '*');
    }
  }
  flush(false);
  return words;
}

bool word_matches(const std::string& pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*') {
    return word.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0 &&
           word.size() >= pattern.size() - 1;
  }
  return pattern == word;
}

bool contains_form(const std::vector<std::string>& words, const std::vector<std::string>& form) {
  if (form.empty() || form.size() > words.size()) return false;
  for (std::size_t start = 0; start + form.size() <= words.size(); ++start) {
    bool all = true;
    for (std::size_t k = 0; k < form.size(); ++k) {
      if (!word_matches(form[k], words[start + k])) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

bool parse_entry(std::string_view line, std::string_view category, lexicon_entry& out) {
  out = lexicon_entry{};
  out.category = std::string(category);
  std::size_t pos = 0;
  while (pos <= line.size()) {
    const std::size_t bar = line.find('|', pos);
    const std::string_view part =
        trim(line.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos));
    auto words = form_words(part);
    if (!words.empty()) {
      if (out.label.empty()) {
        // Shown to users: the prefix marker means nothing to them.
        for (char c : part) {
          if (c != '*') out.label.push_back(c);
        }
      }
      out.forms.push_back(std::move(words));
    }
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return !out.forms.empty();
}

lexicon parse_lexicon(std::string_view text, std::string_view source,
                      std::vector<std::string>* problems) {
  lexicon lex;
  std::string category;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    const auto complain = [&](std::string_view why) {
      if (problems) {
        problems->push_back(std::string(source) + ":" + std::to_string(line_no) + ": " +
                            std::string(why));
      }
    };
    if (line.front() == '[') {
      if (line.back() != ']') {
        complain("section header without closing ']'");
        continue;
      }
      category = std::string(trim(line.substr(1, line.size() - 2)));
      continue;
    }
    lexicon_entry entry;
    if (!parse_entry(line, category, entry)) {
      complain("entry has no word");
      continue;
    }
    lex.entries.push_back(std::move(entry));
  }
  return lex;
}

void merge(lexicon& into, const lexicon& from) {
  into.entries.insert(into.entries.end(), from.entries.begin(), from.entries.end());
}

void apply_overrides(lexicon& lex, const lexicon_overrides& overrides) {
  for (const auto& item : overrides.remove) {
    const auto words = form_words(item);
    if (words.empty()) continue;
    std::erase_if(lex.entries, [&](const lexicon_entry& e) {
      return std::find(e.forms.begin(), e.forms.end(), words) != e.forms.end();
    });
  }
  for (const auto& item : overrides.add) {
    lexicon_entry entry;
    if (parse_entry(item, "user", entry)) lex.entries.push_back(std::move(entry));
  }
}

std::vector<lexicon_match> find_matches(const lexicon& lex, const std::vector<std::string>& words) {
  std::vector<lexicon_match> found;
  for (const auto& entry : lex.entries) {
    for (const auto& form : entry.forms) {
      if (contains_form(words, form)) {
        found.push_back({entry.label, entry.category});
        break;
      }
    }
  }
  return found;
}

std::vector<lexicon_match> find_matches(const lexicon& lex, std::string_view text) {
  return find_matches(lex, normalized_words(text));
}

}  // namespace vigie::domain
