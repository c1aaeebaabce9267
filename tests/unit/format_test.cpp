#include <doctest/doctest.h>

#include <sstream>

#include "cli/format.hpp"

using vigie::cli::print_table;
using vigie::cli::terminal_text;

TEST_CASE("terminal text neutralises controls and bidi overrides from the data") {
  struct example {
    const char* name;
    std::string text;
    std::string shown;
  };
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const example examples[] = {
      {"plain", "Jane Doe", "Jane Doe"},
      {"accents and emoji kept", "Élodie 🎉", "Élodie 🎉"},
      {"CSI clear screen", "a\x1b[2Jb", "a" + r + "[2Jb"},
      {"OSC 8 hyperlink and BEL", "\x1b]8;;http://x\x07y", r + "]8;;http://x" + r + "y"},
      {"C1 CSI (U+009B)", "a\xC2\x9B" "31mb", "a" + r + "31mb"},
      {"DEL and NUL", std::string("a\x7f" "b\0c", 5), "a" + r + "b" + r + "c"},
      {"RLO and PDF", "a\xE2\x80\xAE" "txt.exe\xE2\x80\xAC", "a" + r + "txt.exe" + r},
      {"LRM, RLM, ALM", "\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", r + r + r},
      {"isolates U+2066-2069", "\xE2\x81\xA6x\xE2\x81\xA9", r + "x" + r},
      {"newline, tab, line separator", "a\nb\tc\xE2\x80\xA8" "d", "a b c d"},
      {"invalid UTF-8 byte", "a\xff" "b", "a" + r + "b"},
      {"overlong encoding", "\xC0\xAF", r + r},
      {"truncated sequence", "a\xE2\x80", "a" + r + r},
  };
  for (const auto& ex : examples) {
    CAPTURE(ex.name);
    CHECK(terminal_text(ex.text) == ex.shown);
  }
}

TEST_CASE("a printed table holds no escape byte whatever the cells hold") {
  std::ostringstream out;
  print_table(out, {"NAME", "NOTE"}, {{"\x1b]0;pwned\x07", "\xE2\x80\xAEhi"}, {"ok", "\x1b[31mred"}});
  const auto text = out.str();
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
  CHECK(text.find("\xE2\x80\xAE") == std::string::npos);
  CHECK(text.find("pwned") != std::string::npos);
}
