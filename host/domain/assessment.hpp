#pragma once
// Suspicious-profile assessment: a pure, deterministic function of the
// profile record and the lexicons. It returns a score *and the reasons*,
// because a bare number teaches the user nothing; each reason names a signal,
// the points it added and what was seen.
//
// Signals combine: each one alone is a weak hint (many real people have no
// photo, a thin profile or a fresh account), so no single signal can reach
// "high" — see assessment_rules for every weight and threshold.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/lexicon.hpp"
#include "domain/note_model.hpp"
#include "domain/profile.hpp"
#include "domain/user_wording.hpp"

namespace vigie::domain {

enum class risk_level { none, low, medium, high };

std::string_view to_string(risk_level level) noexcept;

struct reason {
  std::string code;    // stable, e.g. "no_photo"; documented in docs/ASSESSMENT.md
  int weight = 0;      // points added to the score (negative: reassuring)
  std::string detail;  // what was seen, in English (the CLI, logs)
  // What the extension words the reason from, in the user's language
  // (docs/ASSESSMENT.md, "Reasons as the user reads them"): the number the
  // sentence names (connections, days, percent), stable sub-codes of what
  // was seen (sparse_profile: what is missing; name_oddity: what is odd;
  // scam_note / scam_about: the topics) and the page's own words, quoted as
  // evidence.
  std::optional<std::int64_t> value;
  std::vector<std::string> kinds;
  std::vector<std::string> evidence;
};

struct assessment {
  int score = 0;  // 0-100
  risk_level level = risk_level::none;
  std::vector<reason> reasons;  // in the order the signals are checked
  std::optional<std::string> verdict;  // the user's own "trusted" / "fake"
};

// Every weight and threshold in one place. The defaults were tuned on the
// synthetic tuning set of bench/assess (never on its held-out set); see
// docs/ASSESSMENT.md for the reasoning behind each number.
struct assessment_rules {
  // Levels: score >= threshold. "high" also needs high_min_signals distinct
  // positive signals, so one loud signal alone is at most "medium".
  int low_from = 15;
  int medium_from = 40;
  int high_from = 60;
  int high_min_signals = 2;

  // Signs of a new or little-used account (no photo, few connections, sparse
  // profile, recent account, no verification) say the same thing twice over:
  // students and newcomers show them all. Together they count at most this
  // much, below medium_from, so a thin new account alone is never "medium".
  int newcomer_cap = 25;

  int no_photo = 15;
  int odd_title = 20;  // title or headline in the odd-titles lexicon

  // Connection tiers from the seed articles: 0-100 occasional or new user,
  // 100-500 selective, 500+ generous. Only the lowest tier is a hint.
  int few_connections_below = 100;
  int few_connections = 12;
  int very_few_connections_below = 20;
  int very_few_connections = 18;  // replaces few_connections, not added

  // Sparse profile: out of about / experience / education / skills, how many
  // were observed and thin (empty about, <= 1 experience, 0 education, 0
  // skills). Sections not observed do not count either way.
  int sparse_three = 12;
  int sparse_four = 20;

  // Scam phrases, per lexicon category found in the invitation note; each
  // category counts once. Unknown categories (user additions) use `other`.
  int scam_note_off_platform = 40;  // move to WhatsApp / Telegram / e-mail
  int scam_note_money = 30;         // crypto, investment, loans
  int scam_note_romance = 25;       // "my dear", "ma chérie"
  int scam_note_scripted = 12;      // copy-paste flattery with no purpose
  // A phone number or e-mail address in the note (domain/note_patterns):
  // less than an explicit move to WhatsApp, since a salesperson may leave
  // their number; alone it stays "low".
  int scam_note_contact_details = 25;
  int scam_note_other = 20;
  int scam_note_cap = 60;
  // The same phrases in the about section. Money talk is ordinary there
  // (bankers, traders), so only the off-platform and romance categories
  // count, and for less.
  int scam_about_off_platform = 20;
  int scam_about_romance = 20;
  int scam_about_other = 10;

  // The learned note model (domain/note_model): a note it scores above its
  // threshold. Chosen on bench/assess/tuning.jsonl, whose notes the model was
  // not trained on, assessed without the scam-phrase lists (which were tuned
  // on it): bench/assess/choose_note_weight.py. As much as the strongest
  // lexicon category. scam_note and note_model together count at most
  // scam_note_cap: both read the same note.
  int note_model = 40;
  // Most of the note's word pairs were in notes of people the user marked
  // fake, and none in notes of people they trusted (domain/user_wording): the
  // user's own verdict on this wording, so it weighs like a clear scam phrase.
  int user_wording = 40;
  double user_wording_min_share = 0.5;

  int headline_mismatch = 15;  // headline "X at A" vs current position Y at B

  // Name oddities, summed then capped.
  int name_digits = 15;
  int name_emoji = 15;  // against the networks' name policies
  int name_all_caps = 8;
  int name_one_word = 15;  // LinkedIn asks for a first and a last name
  int name_cap = 20;

  // From "About this profile", when the page shows it.
  int recent_account_below_days = 30;
  int recent_account = 15;
  int young_account_below_days = 90;
  int young_account = 8;
  int not_verified = 5;
  int verified = -15;  // a verified identity is strong reassurance
};

// What was learnt about notes, beyond the lexicons; either may be absent.
struct text_models {
  const note_model* note = nullptr;          // the shipped model
  const user_wording* user = nullptr;        // counts for this note's words from the user's verdicts
};

// The assessment of `p`. `rules` defaults to the shipped weights.
assessment assess(const profile& p, const lexicon_set& lexicons,
                  const assessment_rules& rules = assessment_rules{});
assessment assess(const profile& p, const lexicon_set& lexicons, const text_models& models,
                  const assessment_rules& rules = assessment_rules{});

// A user verdict overrides the computed level: "trusted" → none, "fake" →
// high; the score and reasons stay, so the user still sees why we hesitated.
// nullopt leaves the computed level (and `verdict` empty). Any other string is
// errc::bad_request.
void apply_verdict(assessment& a, const std::optional<std::string>& verdict);

}  // namespace vigie::domain
