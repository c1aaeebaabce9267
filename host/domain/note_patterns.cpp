#include "domain/note_patterns.hpp"

#include <algorithm>
#include <cctype>

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

// Nine digits or more in one run, spaces, dots, dashes, slashes and
// brackets allowed between them: every phone format, and longer than a date
// ("2026-11-22") or a year range ("2019-2024").
bool has_phone_number(std::string_view t) {
  int digits = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (digit(c)) {
      if (++digits >= 9) return true;
    } else if (!(digits > 0 && (c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')'))) {
      digits = 0;
      if (c == '+' || c == '(') continue;
    }
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
  for (std::string_view host : {"wa.me/", "t.me/", "chat.whatsapp.com", "signal.me", "m.me/", "telegram.me/"}) {
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
    if (is_currency_code(t, after)) return "an amount of money";
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

std::vector<note_pattern> find_note_patterns(std::string_view text) {
  std::vector<note_pattern> out;
  if (has_chat_link(text)) out.push_back({"off_platform", "a private chat link"});
  if (has_phone_number(text)) out.push_back({"contact_details", "a phone number"});
  else if (has_email(text)) out.push_back({"contact_details", "an e-mail address"});
  if (const auto money = money_shape(text); !money.empty()) out.push_back({"money", money});
  return out;
}

}  // namespace vigie::domain
