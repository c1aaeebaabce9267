#pragma once
// What an invitation note gives away by its shape rather than its words: a
// private chat link (the talk is being moved off the network), a phone
// number or an e-mail address (contact details handed to a stranger), an
// amount of money or a percentage (a pitch). Scammers reword their scripts
// faster than word lists grow; these shapes stay. Reported in the
// scam-phrase categories, so one category still counts once whichever way it
// was found.
#include <string>
#include <string_view>
#include <vector>

namespace vigie::domain {

struct note_pattern {
  std::string category;  // "off_platform", "contact_details" or "money"
  std::string label;     // what was seen, e.g. "a phone number"
};

std::vector<note_pattern> find_note_patterns(std::string_view text);

}  // namespace vigie::domain
