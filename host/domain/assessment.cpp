#include "domain/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/error.hpp"
#include "domain/note_patterns.hpp"
#include "domain/text_fold.hpp"

namespace vigie::domain {

std::string_view to_string(risk_level level) noexcept {
  switch (level) {
    case risk_level::none: return "none";
    case risk_level::low: return "low";
    case risk_level::medium: return "medium";
    case risk_level::high: return "high";
  }
  return "none";
}

namespace {

bool blank(const std::optional<std::string>& s) {
  return !s || std::all_of(s->begin(), s->end(), [](char c) {
           return c == ' ' || c == '\t' || c == '\r' || c == '\n';
         });
}

std::string quote(std::string_view s) { return "\u201c" + std::string(s) + "\u201d"; }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

// --- headline vs current position -----------------------------------------

// Words too common to show that two phrases talk about the same thing.
bool is_filler(const std::string& w) {
  static const std::set<std::string> filler = {
      "the", "and", "for", "with", "des", "les", "pour", "avec", "chez", "dans", "senior",
      "junior", "chief", "head", "lead", "manager", "officer", "ceo", "founder", "group",
      "inc", "ltd", "sa", "sas", "sarl", "gmbh", "llc", "corp", "company", "international"};
  return w.size() < 3 || filler.count(w) > 0;
}

std::set<std::string> content_words(std::string_view text) {
  std::set<std::string> out;
  for (auto& w : normalized_words(text)) {
    if (!is_filler(w)) out.insert(std::move(w));
  }
  return out;
}

bool share_a_word(std::string_view a, std::string_view b) {
  const auto wa = content_words(a);
  const auto wb = content_words(b);
  return std::any_of(wa.begin(), wa.end(), [&](const std::string& w) { return wb.count(w) > 0; });
}

struct headline_claim {
  std::string role;
  std::string company;
};

// "Investment Manager at Goldman Sachs | Mentor" → {Investment Manager,
// Goldman Sachs}. Only the explicit "role at company" form is read: free-form
// headlines ("Helping brands grow") say nothing checkable.
std::optional<headline_claim> parse_headline(std::string_view headline) {
  const std::string folded = fold(headline);
  static constexpr std::string_view markers[] = {" at ", " chez ", " @ ", " @", " bei "};
  for (auto marker : markers) {
    const auto pos = folded.find(marker);
    if (pos == std::string::npos || pos == 0) continue;
    std::string company = folded.substr(pos + marker.size());
    const auto end = company.find_first_of("|,;/");
    if (end != std::string::npos) company.resize(end);
    std::string role = folded.substr(0, pos);
    if (const auto bar = role.find_last_of("|;"); bar != std::string::npos) role.erase(0, bar + 1);
    if (content_words(role).empty() || content_words(company).empty()) return std::nullopt;
    return headline_claim{role, company};
  }
  return std::nullopt;
}

// --- names -------------------------------------------------------------------

bool is_symbol_or_emoji(char32_t cp) {
  return (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F ||
         cp == 0x200D;
}
bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}
bool is_lower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

struct scorer {
  const assessment_rules& rules;
  assessment result;
  int signals = 0;
  int newcomer_points = 0;

  // The reason added (to fill its value, kinds and evidence), or null when it adds nothing.
  reason* add(std::string code, int weight, std::string detail) {
    if (weight == 0) return nullptr;
    if (weight > 0) ++signals;
    result.score += weight;
    result.reasons.push_back({std::move(code), weight, std::move(detail), std::nullopt, {}, {}});
    return &result.reasons.back();
  }

  // A newcomer signal is still listed once the group is full, with the points
  // it no longer adds, so the user sees everything that was noticed and the
  // weights still add up to the score.
  reason* add_newcomer(std::string code, int weight, std::string detail) {
    if (weight <= 0) return nullptr;
    const int room = std::max(0, rules.newcomer_cap - newcomer_points);
    const int counted = std::min(weight, room);
    newcomer_points += counted;
    if (counted < weight) {
      detail += "; not counted " + std::string(counted ? "in full" : "again") +
                ": signs of a new account add at most " + std::to_string(rules.newcomer_cap) +
                " points together";
    }
    if (counted > 0) ++signals;
    result.score += counted;
    result.reasons.push_back({std::move(code), counted, std::move(detail), std::nullopt, {}, {}});
    return &result.reasons.back();
  }
};

void check_photo(const profile& p, scorer& s) {
  if (p.has_photo && !*p.has_photo) {
    s.add_newcomer("no_photo", s.rules.no_photo, "no profile photo (the default silhouette)");
  }
}

void check_title(const profile& p, const lexicon_set& lex, scorer& s) {
  std::vector<std::string> found;
  std::string where;
  for (const auto* text : {&p.current_title, &p.headline}) {
    if (!*text) continue;
    for (auto& m : find_matches(lex.odd_titles, **text)) {
      if (std::find(found.begin(), found.end(), m.label) == found.end()) {
        found.push_back(m.label);
        if (where.empty()) where = **text;
      }
    }
  }
  if (found.empty()) return;
  if (auto* r = s.add("odd_title", s.rules.odd_title,
                      "title " + quote(where) + " is a trade rarely seen on a professional network (" +
                          join(found, ", ") + "); common on fake accounts, though real ones exist"))
    r->evidence = found;
}

void check_connections(const profile& p, scorer& s) {
  if (!p.connections || (p.connections_plus && *p.connections_plus)) return;
  const auto n = *p.connections;
  if (n < 0) return;
  const std::string count = std::to_string(n) + (n == 1 ? " connection" : " connections");
  reason* r = nullptr;
  if (n < s.rules.very_few_connections_below) {
    r = s.add_newcomer("few_connections", s.rules.very_few_connections,
                       "only " + count + " (tier 0-100: a new or occasional user)");
  } else if (n < s.rules.few_connections_below) {
    r = s.add_newcomer("few_connections", s.rules.few_connections, count + " (tier 0-100: a new or occasional user)");
  }
  if (r) r->value = n;
}

void check_sparse(const profile& p, scorer& s) {
  std::vector<std::string> thin, kinds;
  const auto thin_part = [&](const char* kind, const char* words) {
    kinds.push_back(kind);
    thin.push_back(words);
  };
  if (p.about && blank(p.about)) thin_part("no_about", "no about section");
  if (p.experience_count && *p.experience_count <= 1) {
    if (*p.experience_count == 0) thin_part("no_experience", "no experience");
    else thin_part("one_experience", "a single experience");
  }
  if (p.education_count && *p.education_count == 0) thin_part("no_education", "no education");
  if (p.skills_count && *p.skills_count == 0) thin_part("no_skills", "no skills");
  const int weight = thin.size() >= 4   ? s.rules.sparse_four
                     : thin.size() == 3 ? s.rules.sparse_three
                                        : 0;
  if (auto* r = s.add_newcomer("sparse_profile", weight, "thin profile: " + join(thin, ", "))) r->kinds = kinds;
}

int scam_weight(const assessment_rules& r, std::string_view category, bool in_note) {
  if (in_note) {
    if (category == "off_platform") return r.scam_note_off_platform;
    if (category == "money") return r.scam_note_money;
    if (category == "romance") return r.scam_note_romance;
    if (category == "scripted") return r.scam_note_scripted;
    if (category == "contact_details") return r.scam_note_contact_details;
    return r.scam_note_other;
  }
  if (category == "off_platform") return r.scam_about_off_platform;
  if (category == "romance") return r.scam_about_romance;
  if (category == "money" || category == "scripted") return 0;
  return r.scam_about_other;
}

std::string_view describe_category(std::string_view category) {
  if (category == "off_platform") return "moving the talk off the network";
  if (category == "money") return "money or crypto";
  if (category == "romance") return "romance";
  if (category == "scripted") return "a scripted compliment";
  if (category == "contact_details") return "contact details";
  return "a phrase on your list";
}

void check_scam_text(const std::optional<std::string>& text, bool in_note,
                     const lexicon_set& lex, scorer& s) {
  if (!text || blank(text)) return;
  std::vector<std::string> categories;
  std::vector<std::string> parts;
  std::vector<std::string> words;
  int weight = 0;
  for (const auto& m : find_matches(lex.scam_phrases, *text)) {
    const int w = scam_weight(s.rules, m.category, in_note);
    if (w == 0) continue;
    if (std::find(categories.begin(), categories.end(), m.category) != categories.end()) continue;
    categories.push_back(m.category);
    weight += w;
    parts.push_back(std::string(describe_category(m.category)) + " (" + quote(m.label) + ")");
    words.push_back(m.label);
  }
  // A note's shape (a phone number, an amount) tells what its words may hide
  // from the lists; notes only: an about section may well give a business
  // phone number or talk money.
  if (in_note) {
    for (const auto& m : find_note_patterns(*text)) {
      if (std::find(categories.begin(), categories.end(), m.category) != categories.end()) continue;
      categories.push_back(m.category);
      weight += scam_weight(s.rules, m.category, in_note);
      parts.push_back(std::string(describe_category(m.category)) + " (" + m.label + ")");
      // The pattern's label ("a phone number") says what was seen; the number itself stays out of sight.
    }
  }
  if (weight == 0) return;
  reason* r = in_note ? s.add("scam_note", std::min(weight, s.rules.scam_note_cap),
                               "the invitation note talks about " + join(parts, "; ") +
                                   ", typical of scripted scam approaches")
                       : s.add("scam_about", weight, "the about section talks about " + join(parts, "; "));
  if (r) {
    r->kinds = categories;
    r->evidence = words;
  }
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::vector<std::string> q;
  for (const auto& w : words) q.push_back(quote(w));
  return join(q, ", ");
}

// The learned models read the note the lexicons read, so together with
// scam_note they are one signal (a note alone stays "medium" at most), and the
// shipped model adds at most what scam_note left under its cap.
void check_note_models(const profile& p, const text_models& models, scorer& s) {
  if (blank(p.invitation_message)) return;
  int from_note = 0;
  for (const auto& r : s.result.reasons) {
    if (r.code == "scam_note") from_note += r.weight;
  }
  const auto add_note_reason = [&](std::string code, int weight, std::string detail) -> reason* {
    if (weight <= 0) return nullptr;
    const bool counted = from_note > 0;
    auto* r = s.add(std::move(code), weight, std::move(detail));
    if (counted) --s.signals;
    from_note += weight;
    return r;
  };
  if (models.note) {
    const auto e = models.note->score(*p.invitation_message);
    if (e.probability > models.note->threshold()) {
      const int percent = static_cast<int>(std::lround(e.probability * 100));
      if (auto* r = add_note_reason(
              "note_model", std::min(s.rules.note_model, s.rules.scam_note_cap - from_note),
              "wording typical of scam notes (" + std::to_string(percent) + " % by the learned model)" +
                  (e.words.empty() ? std::string() : ": " + quoted_list(e.words)))) {
        r->value = percent;
        r->evidence = e.words;
      }
    }
  }
  if (models.user) {
    const auto e = match_user_wording(note_words(*p.invitation_message), *models.user);
    if (e && e->share >= s.rules.user_wording_min_share) {
      if (auto* r = add_note_reason("user_wording", s.rules.user_wording,
                                    "wording of notes from people you marked as fake: " + quoted_list(e->words)))
        r->evidence = e->words;
    }
  }
}

void check_headline(const profile& p, scorer& s) {
  if (!p.headline || !p.current_title || blank(p.current_title)) return;
  const auto claim = parse_headline(*p.headline);
  if (!claim) return;
  if (share_a_word(claim->role, *p.current_title)) return;
  // Without the current company we only know the role differs, which is
  // ordinary (headlines lag behind); with it, both must differ.
  if (!p.current_company || blank(p.current_company)) return;
  if (share_a_word(claim->company, *p.current_company)) return;
  std::string current = *p.current_title + " at " + *p.current_company;
  if (auto* r = s.add("headline_mismatch", s.rules.headline_mismatch,
                      "the headline " + quote(*p.headline) + " contradicts the current position " + quote(current)))
    r->evidence = {*p.headline, *p.current_title, *p.current_company};
}

void check_name(const profile& p, scorer& s) {
  if (!p.name || blank(p.name)) return;
  const auto cps = decode_utf8(*p.name);
  bool digits = false, emoji = false;
  int upper = 0, lower = 0, words = 0;
  bool in_word = false;
  // A word is a run of letters: "Jessica 💕" is one word plus decoration.
  for (char32_t cp : cps) {
    if (cp >= '0' && cp <= '9') digits = true;
    if (is_symbol_or_emoji(cp)) emoji = true;
    if (is_upper(cp)) ++upper;
    if (is_lower(cp)) ++lower;
    const bool letter = is_upper(cp) || is_lower(cp) || (cp >= 0x100 && !is_symbol_or_emoji(cp) &&
                                                          cp != 0xFE0F && cp != 0x200D && cp != 0xA0);
    if (letter && !in_word) ++words;
    in_word = letter || cp == '-' || cp == '\'' || cp == 0x2019;
  }
  std::vector<std::string> odd, kinds;
  int weight = 0;
  const auto oddity = [&](int w, const char* kind, const char* words_of_it) {
    weight += w;
    kinds.push_back(kind);
    odd.push_back(words_of_it);
  };
  if (digits) oddity(s.rules.name_digits, "digits", "contains digits");
  if (emoji) oddity(s.rules.name_emoji, "emoji", "contains emoji or symbols");
  if (upper >= 4 && lower == 0) oddity(s.rules.name_all_caps, "all_caps", "all capitals");
  if (words == 1) oddity(s.rules.name_one_word, "one_word", "a single word");
  if (weight == 0) return;
  if (auto* r = s.add("name_oddity", std::min(weight, s.rules.name_cap), "the name " + quote(*p.name) + ": " + join(odd, ", "))) {
    r->kinds = kinds;
    r->evidence = {*p.name};
  }
}

void check_account(const profile& p, scorer& s) {
  if (p.account_age_days && *p.account_age_days >= 0) {
    const auto days = *p.account_age_days;
    const std::string age = "account created " + std::to_string(days) +
                            (days == 1 ? " day ago" : " days ago");
    reason* r = nullptr;
    if (days < s.rules.recent_account_below_days) {
      r = s.add_newcomer("recent_account", s.rules.recent_account, age);
    } else if (days < s.rules.young_account_below_days) {
      r = s.add_newcomer("recent_account", s.rules.young_account, age);
    }
    if (r) r->value = days;
  }
  if (p.verified) {
    if (*p.verified) {
      s.add("verified", s.rules.verified, "the page shows a verified identity");
    } else {
      s.add_newcomer("not_verified", s.rules.not_verified, "the page shows no verification");
    }
  }
}

risk_level level_for(const assessment_rules& r, int score, int signals) {
  if (score >= r.high_from && signals >= r.high_min_signals) return risk_level::high;
  if (score >= r.medium_from) return risk_level::medium;
  if (score >= r.low_from) return risk_level::low;
  return risk_level::none;
}

}  // namespace

assessment assess(const profile& p, const lexicon_set& lexicons, const assessment_rules& rules) {
  return assess(p, lexicons, text_models{}, rules);
}

assessment assess(const profile& p, const lexicon_set& lexicons, const text_models& models,
                  const assessment_rules& rules) {
  scorer s{rules, {}, 0};
  check_photo(p, s);
  check_title(p, lexicons, s);
  check_connections(p, s);
  check_sparse(p, s);
  check_scam_text(p.invitation_message, true, lexicons, s);
  check_note_models(p, models, s);
  check_scam_text(p.about, false, lexicons, s);
  check_headline(p, s);
  check_name(p, s);
  check_account(p, s);
  s.result.score = std::clamp(s.result.score, 0, 100);
  s.result.level = level_for(rules, s.result.score, s.signals);
  return std::move(s.result);
}

void apply_verdict(assessment& a, const std::optional<std::string>& verdict) {
  if (!verdict) {
    a.verdict.reset();
    return;
  }
  if (*verdict == "trusted") {
    a.level = risk_level::none;
  } else if (*verdict == "fake") {
    a.level = risk_level::high;
  } else {
    throw error(errc::bad_request, "verdict must be \"trusted\", \"fake\" or null, not \"" +
                                       *verdict + "\"");
  }
  a.verdict = verdict;
}

}  // namespace vigie::domain
