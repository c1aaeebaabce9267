#include "domain/note_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_set>

#include "common/error.hpp"
#include "domain/text_fold.hpp"

namespace vigie::domain {

namespace {

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

double parse_number(std::string_view s, std::string_view line) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw error(errc::internal, "note model: bad number in line \"" + std::string(line) + "\"");
  return v;
}

// Every feature of the note with the word (or word pair) it belongs to.
template <typename F>
void for_each_feature(const std::vector<std::string>& words, F&& f) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    f("w:" + w, w);
    if (i + 1 < words.size()) f("b:" + w + " " + words[i + 1], w + " " + words[i + 1]);
    const std::string padded = " " + w + " ";
    for (std::size_t n : {3U, 4U}) {
      for (std::size_t k = 0; k + n <= padded.size(); ++k) f("c:" + padded.substr(k, n), w);
    }
  }
}

}  // namespace

std::vector<std::string> note_words(std::string_view note) {
  auto words = tokenize(fold(note));
  for (auto& w : words) std::replace_if(w.begin(), w.end(), [](char c) { return c >= '1' && c <= '9'; }, '0');
  return words;
}

std::vector<std::string> word_features(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (auto f : {"w:" + words[i], i + 1 < words.size() ? "b:" + words[i] + " " + words[i + 1] : std::string()}) {
      if (!f.empty() && seen.insert(f).second) out.push_back(std::move(f));
    }
  }
  return out;
}

note_model note_model::parse(std::string_view text) {
  note_model m;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.find(' ');
    if (space == std::string_view::npos || space + 1 >= line.size())
      throw error(errc::internal, "note model: malformed line \"" + std::string(line) + "\"");
    const auto head = line.substr(0, space);
    const auto rest = line.substr(space + 1);
    if (head == "bias") {
      m.bias_ = parse_number(rest, line);
    } else if (head == "threshold") {
      m.threshold_ = parse_number(rest, line);
    } else {
      m.weights_.emplace_back(fnv1a(rest), static_cast<float>(parse_number(head, line)));
    }
  }
  std::sort(m.weights_.begin(), m.weights_.end());
  return m;
}

double note_model::weight_of(std::string_view feature) const {
  const auto h = fnv1a(feature);
  const auto it = std::lower_bound(weights_.begin(), weights_.end(), std::make_pair(h, -INFINITY));
  return it != weights_.end() && it->first == h ? it->second : 0.0;
}

note_evidence note_model::score(std::string_view note, std::size_t max_words) const {
  const auto words = note_words(note);
  std::unordered_set<std::string> seen;
  std::map<std::string, double> by_word;
  double sum = 0;
  for_each_feature(words, [&](std::string feature, const std::string& word) {
    if (!seen.insert(feature).second) return;
    const double w = weight_of(feature);
    sum += w;
    if (w != 0) by_word[word] += w;
  });
  note_evidence out;
  const double scale = seen.empty() ? 0.0 : 1.0 / std::sqrt(static_cast<double>(seen.size()));
  out.probability = 1.0 / (1.0 + std::exp(-(bias_ + scale * sum)));
  // Evidence a user can read: words of 3 letters or more ("on", "me on" and
  // the zeros of a number say nothing by themselves).
  const auto readable = [](const std::string& text) {
    std::size_t run = 0;
    for (char c : text) {
      run = (c >= 'a' && c <= 'z') ? run + 1 : 0;
      if (run >= 3) return true;
    }
    return false;
  };
  std::vector<std::pair<double, std::string>> ranked;
  for (auto& [word, w] : by_word) {
    if (w > 0 && readable(word)) ranked.emplace_back(w, word);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < ranked.size() && out.words.size() < max_words; ++i) {
    out.words.push_back(ranked[i].second);
  }
  return out;
}

}  // namespace vigie::domain
