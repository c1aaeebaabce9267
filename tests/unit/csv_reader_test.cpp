#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/csv_reader.hpp"

using vigie::domain::read_csv;
using fields = std::vector<std::string>;

namespace {

std::vector<fields> all_fields(std::string_view text) {
  std::vector<fields> out;
  for (auto& row : read_csv(text, "t.csv")) out.push_back(row.fields);
  return out;
}

std::string import_error(std::string_view text) {
  try {
    read_csv(text, "t.csv");
  } catch (const vigie::error& e) {
    CHECK(e.code() == vigie::errc::bad_import);
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("csv reader splits records per RFC 4180 and the quirks of real exports") {
  struct example {
    const char* name;
    std::string text;
    std::vector<fields> expected;
  };
  const std::vector<example> examples = {
      {"plain LF lines", "a,b\nc,d\n", {{"a", "b"}, {"c", "d"}}},
      {"CRLF lines", "a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}},
      {"lone CR lines", "a,b\rc,d", {{"a", "b"}, {"c", "d"}}},
      {"no final line end", "a,b\nc,d", {{"a", "b"}, {"c", "d"}}},
      {"quoted comma", "\"a,b\",c\n", {{"a,b", "c"}}},
      {"doubled quotes", "\"say \"\"hi\"\"\",x\n", {{"say \"hi\"", "x"}}},
      {"multi-line quoted field keeps its line ends", "\"l1\r\nl2\nl3\",x\r\n", {{"l1\r\nl2\nl3", "x"}}},
      {"empty fields", ",,\n", {{"", "", ""}}},
      {"empty quoted field", "\"\",a\n", {{"", "a"}}},
      {"trailing comma gives an empty last field", "a,\n", {{"a", ""}}},
      {"BOM is dropped", "\xEF\xBB\xBFName,x\n", {{"Name", "x"}}},
      {"blank lines are skipped", "a\n\n\r\nb\n", {{"a"}, {"b"}}},
      {"stray quote inside an unquoted field is kept", "O\"Brien,x\n", {{"O\"Brien", "x"}}},
      {"UTF-8 passes through", "Zoé,Étienne\n", {{"Zoé", "Étienne"}}},
      {"empty text", "", {}},
  };
  for (const auto& ex : examples) {
    SUBCASE(ex.name) { CHECK(all_fields(ex.text) == ex.expected); }
  }
}

TEST_CASE("csv reader numbers each record by the physical line it starts on") {
  const auto rows = read_csv("h1,h2\n\"multi\nline\",x\r\n\nlast,y", "t.csv");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 5);
}

TEST_CASE("csv reader rejects malformed text naming the source and the line") {
  SUBCASE("unterminated quote points at the line where the quote opened") {
    const auto message = import_error("a,b\nc,\"never\nclosed\n");
    CHECK(message.find("t.csv line 2") != std::string::npos);
    CHECK(message.find("never closed") != std::string::npos);
  }
  SUBCASE("text after a closing quote") {
    const auto message = import_error("a\n\"x\"y,z\n");
    CHECK(message.find("t.csv line 2") != std::string::npos);
  }
  SUBCASE("a lone quote at the end") { CHECK(import_error("a,\"").find("line 1") != std::string::npos); }
}

TEST_CASE("csv reader refuses what is not UTF-8 text and what no export holds, naming the line") {
  struct row {
    const char* name;
    std::string text;
    const char* said;
  };
  const std::vector<row> table = {
      {"Latin-1 byte", "a,b\nc,caf\xe9\n", "t.csv line 2: not UTF-8 text (byte 0xE9)"},
      {"overlong slash", "a\r\nb\r\n\xc0\xaf\r\n", "t.csv line 3: not UTF-8"},
      {"UTF-16 surrogate", "a\n\xed\xa0\x80\n", "t.csv line 2: not UTF-8"},
      {"truncated sequence at the end", "a\n\xe2\x82", "t.csv line 2: not UTF-8"},
      {"NUL byte", std::string("a,b\nc,d\0e\n", 10), "t.csv line 2: NUL byte"},
      {"NUL in a quoted field", std::string("\"x\ny\0\"\n", 8), "t.csv line 2: NUL byte"},
      {"257 fields", std::string(256, ','), "t.csv line 1: more than 256 fields"},
      {"a field over 1 MiB", "a\n\"" + std::string((1u << 20) + 1, 'x') + "\"\n", "t.csv line 2: a field of more than 1 MiB"},
  };
  for (const auto& r : table) {
    CAPTURE(r.name);
    CHECK(import_error(r.text).find(r.said) != std::string::npos);
  }
  CHECK(all_fields(std::string(255, ',')).at(0).size() == 256);  // the limit itself is read
  CHECK(all_fields("caf\xc3\xa9,\xf0\x9f\x8e\x89\n") == std::vector<fields>{{"caf\xc3\xa9", "\xf0\x9f\x8e\x89"}});
}

TEST_CASE("csv reader hands over one record at a time") {
  std::vector<std::size_t> lines;
  vigie::domain::for_each_csv_row("a,b\n\"c\nd\",e\nf,g\n", "t.csv",
                                  [&](vigie::domain::csv_row& row) { lines.push_back(row.line); });
  CHECK(lines == std::vector<std::size_t>{1, 2, 4});
}
