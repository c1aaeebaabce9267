#include <doctest/doctest.h>

#include <sstream>

#include "domain/csv_writer.hpp"
#include "domain/csv_reader.hpp"

using vigie::domain::csv_escape;
using vigie::domain::csv_writer;

TEST_CASE("csv writer quotes only fields that need it") {
  struct example {
    const char* field;
    const char* written;
  };
  const example examples[] = {
      {"plain", "plain"},          {"", ""},
      {"a,b", "\"a,b\""},          {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"l1\nl2", "\"l1\nl2\""},    {"l1\r\nl2", "\"l1\r\nl2\""},
      {"Zoé", "Zoé"},              {" spaced ", " spaced "},
  };
  for (const auto& ex : examples) {
    CAPTURE(ex.field);
    CHECK(csv_escape(ex.field) == ex.written);
  }
}

TEST_CASE("csv writer defuses fields a spreadsheet would run as formulas") {
  struct example {
    const char* field;
    const char* written;
  };
  const example examples[] = {
      {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
      {"+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""},
      {"-2+3", "\"'-2+3\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"\t=1", "\"'\t=1\""},
      {"\r=1", "\"'\r=1\""},
      {"a=1", "a=1"},
      {"Jean-Luc", "Jean-Luc"},
  };
  for (const auto& ex : examples) {
    CAPTURE(ex.field);
    CHECK(csv_escape(ex.field) == ex.written);
  }
}

TEST_CASE("csv writer starts with a BOM and ends rows with CRLF") {
  std::ostringstream out;
  csv_writer w(out);
  w.row({"a", "b"});
  w.row({"c", ""});
  CHECK(out.str() == "\xEF\xBB\xBF" "a,b\r\nc,\r\n");
}

TEST_CASE("csv writer output reads back to the same fields") {
  const std::vector<std::vector<std::string>> rows = {
      {"name", "note"}, {"Jane \"JJ\" Doe", "Hello,\r\nlet's connect"}, {"", "x"}, {"trailing\n", "\"\""}};
  std::ostringstream out;
  csv_writer w(out, false);
  for (const auto& r : rows) w.row(r);
  const auto back = vigie::domain::read_csv(out.str());
  REQUIRE(back.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(back[i].fields == rows[i]);
}
