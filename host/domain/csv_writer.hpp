#pragma once
// RFC 4180 output that opens cleanly in spreadsheets: CRLF line ends, fields
// quoted only when they contain , " CR or LF (quotes doubled). The UTF-8 BOM
// is what makes Excel read the file as UTF-8 instead of the local code page.
// A field starting with = + - @ TAB or CR is written '-prefixed and quoted
// (OWASP CSV injection), so a stranger's name is never a live formula.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::domain {

class csv_writer {
 public:
  explicit csv_writer(std::ostream& out, bool with_bom = true);
  void row(const std::vector<std::string>& fields);

 private:
  std::ostream& out_;
};

// One field, quoted when needed, formulas defused.
std::string csv_escape(std::string_view field);
bool starts_like_formula(std::string_view field);

}  // namespace vigie::domain
