#include "domain/user_wording.hpp"

#include <unordered_set>

namespace vigie::domain {

namespace {
constexpr std::size_t min_user_wording_pairs = 3;
}  // namespace

std::optional<user_evidence> match_user_wording(const std::vector<std::string>& note_words,
                                                const user_wording& wording, std::size_t max_words) {
  // Word pairs carry the wording ("send me", "on whatsapp").
  std::vector<std::pair<std::string, std::string>> units;  // feature, shown text
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i + 1 < note_words.size(); ++i) {
    const auto text = note_words[i] + " " + note_words[i + 1];
    if (seen.insert(text).second) units.emplace_back("b:" + text, text);
  }
  user_evidence out;
  std::size_t fake_only = 0;
  for (const auto& [feature, text] : units) {
    const auto it = wording.counts.find(feature);
    if (it == wording.counts.end() || it->second.first == 0 || it->second.second > 0) continue;
    ++fake_only;
    if (out.words.size() < max_words) out.words.push_back(text);
  }
  // Two pairs ("call me", "me now") are everyday wording, not a template.
  if (fake_only < min_user_wording_pairs) return std::nullopt;
  out.share = static_cast<double>(fake_only) / static_cast<double>(units.size());
  return out;
}

}  // namespace vigie::domain
