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

namespace {

// Rows, or the error text, when `text` is fed in chunks of `size` bytes.
std::string read_in_chunks(std::string_view text, std::size_t size) {
  std::string out;
  try {
    vigie::domain::csv_reader reader("t.csv", [&](vigie::domain::csv_row& row) {
      out += std::to_string(row.line) + ":";
      for (const auto& f : row.fields) out += "[" + f + "]";
      out += "\n";
    });
    for (std::size_t at = 0; at < text.size(); at += size) reader.feed(text.substr(at, size));
    reader.finish();
  } catch (const vigie::error& e) {
    out += std::string("error: ") + e.what();
  }
  return out;
}

}  // namespace

// Files are read 64 KiB at a time: a chunk may end inside a UTF-8 sequence,
// between the CR and LF of a line end, inside a BOM, or between two quotes of
// an escaped quote; the rows and errors must be those of the whole text.
TEST_CASE("csv reader gives the same rows and errors wherever the chunks are cut") {
  const std::vector<std::pair<const char*, std::string>> texts = {
      {"BOM, CRLF, quotes and UTF-8", "\xEF\xBB\xBFh1,h2\r\n\"a \"\"q\"\"\",Zo\xc3\xa9\r\n\r\n\"l1\r\nl2\",\xf0\x9f\x8e\x89\r\nx,y"},
      {"lone CRs", "a\rb,c\r\r\"d\re\"\r"},
      {"a partial BOM is data, and not UTF-8", "\xEF\xBB"},
      {"a sequence cut at the end", "a\n\xe2\x82"},
      {"an overlong form after a line", "a\r\n\xc0\xaf"},
      {"a surrogate", "a\n\xed\xa0\x80"},
      {"NUL inside quotes", std::string("\"x\ny\0\"\n", 8)},
      {"a quote never closed", "a\n\"b\r\nc"},
      {"text after a closing quote", "a\r\n\"x\"y"},
  };
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    const auto whole = read_in_chunks(text, text.size() + 1);
    for (std::size_t size = 1; size <= text.size(); ++size) {
      CAPTURE(size);
      CHECK(read_in_chunks(text, size) == whole);
    }
  }
  CHECK(read_in_chunks(texts[0].second, 1).find("2:[a \"q\"][Zo\xc3\xa9]\n4:[l1\r\nl2][\xf0\x9f\x8e\x89]\n6:[x][y]") !=
        std::string::npos);
  CHECK(read_in_chunks(texts[1].second, 1) == "1:[a]\n2:[b][c]\n4:[d\re]\n");
}

// Five fields of 1 MiB each stay under the field cap but not under the
// record cap: without it one record could hold 256 MiB.
TEST_CASE("csv reader refuses a record of more than 4 MiB, naming the line where it starts") {
  const std::string mib(1u << 20, 'x');
  const auto message = import_error("h\n" + mib + "," + mib + "," + mib + "," + mib + "," + mib + "\n");
  CHECK(message.find("t.csv line 2: a record of more than 4 MiB") != std::string::npos);
  CHECK(all_fields("h\n" + mib + "," + mib + "," + mib + "\n").at(1).size() == 3);
}
