#include "domain/note_patterns.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "domain/text_fold.hpp"

namespace vigie::domain {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool lower_eq(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return true;
}

bool is_year(std::string_view group) {
  return group.size() == 4 && ((group[0] == '1' && group[1] == '9') || (group[0] == '2' && group[1] == '0'));
}

// A phone number: nine digits or more in groups joined by one separator
// (space, dot, dash) or by brackets, "+33 6 12 34 56 78", "+1 (555) 010-4477",
// "06.12.34.56.78". Not one: a group that reads as a year (dates, "2019-2024
// (5 years)"), slashes and colons (dates, times), and thousands written
// "100 000 000" (every group after the first of exactly three digits).
bool has_phone_number(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size()) {
    if (!digit(t[i])) {
      ++i;
      continue;
    }
    std::vector<std::string_view> groups;
    std::size_t j = i;
    while (j < t.size() && digit(t[j])) {
      std::size_t end = j;
      while (end < t.size() && digit(t[end])) ++end;
      groups.push_back(t.substr(j, end - j));
      // One separator, or a bracket with a space on either side.
      std::size_t next = end;
      if (next < t.size() && (t[next] == ')')) ++next;
      if (next < t.size() && (t[next] == ' ' || t[next] == '.' || t[next] == '-')) ++next;
      if (next < t.size() && t[next] == '(') ++next;
      if (next == end || next >= t.size() || !digit(t[next])) {
        j = end;
        break;
      }
      j = next;
    }
    int digits = 0;
    bool year = false, thousands = groups.size() > 1 && groups[0].size() <= 3;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      digits += static_cast<int>(groups[g].size());
      if (is_year(groups[g])) year = true;
      if (g > 0 && groups[g].size() != 3) thousands = false;
    }
    if (digits >= 9 && !year && !thousands) return true;
    i = std::max(j, i + 1);
  }
  return false;
}

bool has_email(std::string_view t) {
  for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    if (at == 0 || !(alnum(t[at - 1]) || t[at - 1] == '.' || t[at - 1] == '_' || t[at - 1] == '-')) continue;
    std::size_t end = at + 1;
    while (end < t.size() && (alnum(t[end]) || t[end] == '-' || t[end] == '.')) ++end;
    const auto domain = t.substr(at + 1, end - at - 1);
    const auto dot = domain.rfind('.');
    if (dot != std::string_view::npos && dot > 0 && domain.size() - dot - 1 >= 2) return true;
  }
  return false;
}

// Links that open a private chat: WhatsApp, Telegram, Signal, Messenger.
bool has_chat_link(std::string_view t) {
  for (std::string_view host : {"wa.me/", "t.me/", "chat.whatsapp.com/", "signal.me/", "m.me/", "telegram.me/"}) {
    for (std::size_t i = 0; i + host.size() <= t.size(); ++i)
      if (lower_eq(t, i, host) && (i == 0 || !alnum(t[i - 1]))) return true;
  }
  return false;
}

bool is_currency_code(std::string_view t, std::size_t at) {
  for (std::string_view code : {"usd", "eur", "gbp", "chf", "btc", "eth", "usdt"}) {
    if (lower_eq(t, at, code) && (at + code.size() == t.size() || !alnum(t[at + code.size()])) &&
        (at == 0 || !alnum(t[at - 1])))
      return true;
  }
  return false;
}

// An amount: a number next to a currency sign or code (before or after,
// one space allowed), or a percentage other than 100 % ("100 % remote" is
// ordinary; "30 % per month" is a pitch).
std::string money_shape(std::string_view t) {
  static const std::string_view signs[] = {"\xE2\x82\xAC" /* € */, "$", "\xC2\xA3" /* £ */,
                                           "\xE2\x82\xBF" /* ₿ */};
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!digit(t[i]) || (i > 0 && digit(t[i - 1]))) continue;
    std::size_t end = i;
    while (end < t.size() && (digit(t[end]) || ((t[end] == ' ' || t[end] == ',' || t[end] == '.') &&
                                                  end + 1 < t.size() && digit(t[end + 1]))))
      ++end;
    const auto number = t.substr(i, end - i);
    std::size_t after = end;
    if (after < t.size() && (t[after] == 'k' || t[after] == 'K' || t[after] == 'M')) ++after;
    if (after < t.size() && t[after] == ' ') ++after;
    for (auto sign : signs) {
      if (t.substr(after, sign.size()) == sign) return "an amount of money";
      std::size_t before = i;
      if (before > 0 && t[before - 1] == ' ') --before;
      if (before >= sign.size() && t.substr(before - sign.size(), sign.size()) == sign) return "an amount of money";
    }
    // "PhD 2019 ETH Zurich": a year is not an amount.
    if (is_currency_code(t, after) && !is_year(number)) return "an amount of money";
    if (after < t.size() && t[after] == '%') {
      std::string digits;
      for (char c : number)
        if (digit(c)) digits += c;
      if (digits != "100") return "a percentage";
    }
  }
  return "";
}

}  // namespace

std::vector<note_pattern> find_note_patterns(std::string_view raw) {
  // Folded first: French text separates digit groups and the % sign with
  // (narrow) no-break spaces, which fold turns into plain spaces.
  const std::string folded = fold(raw);
  const std::string_view text = folded;
  std::vector<note_pattern> out;
  if (has_chat_link(text)) out.push_back({"off_platform", "a private chat link"});
  if (has_phone_number(text)) out.push_back({"contact_details", "a phone number"});
  else if (has_email(text)) out.push_back({"contact_details", "an e-mail address"});
  if (const auto money = money_shape(text); !money.empty()) out.push_back({"money", money});
  return out;
}

}  // namespace vigie::domain
