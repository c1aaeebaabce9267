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
