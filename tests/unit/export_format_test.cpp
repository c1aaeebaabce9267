// invitations.export: one format (the same columns in CSV and JSON), formulas
// neutralised, ISO 8601 times with the local offset, chunks under the reply cap.
#include <doctest/doctest.h>

#include "app/export_format.hpp"
#include "domain/limits.hpp"
#include "unit/ledger_fixture.hpp"

using nlohmann::json;
using vigie::domain::ms_per_day;
using vigie::testing::ledger_fixture;
using vigie::testing::linkedin;

namespace {

// Every chunk from offset 0 on, appended.
std::string whole_export(ledger_fixture& f, const std::string& format, int* chunks = nullptr) {
  std::string text;
  json body = {{"type", "invitations.export"}, {"format", format}};
  std::int64_t offset = 0;
  for (int n = 1;; ++n) {
    body["offset"] = offset;
    const auto c = f.ok(body);
    text += c["text"].get<std::string>();
    if (chunks) *chunks = n;
    if (c["next_offset"].is_null()) break;
    offset = c["next_offset"].get<std::int64_t>();
  }
  return text;
}

void named(ledger_fixture& f, const std::string& slug, const std::string& name, vigie::domain::millis at) {
  f.ok({{"type", "invitation.sent"},
        {"profile", {{"network", "linkedin"}, {"profile_url", linkedin(slug)}, {"name", name}}},
        {"note", "hello, \"you\""},
        {"at", at}});
}

}  // namespace

TEST_CASE("the CSV export has the one header, a BOM, CRLF lines and neutralised formulas") {
  ledger_fixture f("Europe/Paris", "2026-11-21T12:00:00Z");
  named(f, "eve", "=HYPERLINK(\"http://x\",\"y\")", f.clock.now() - 1000);
  const auto csv = whole_export(f, "csv");
  CHECK(csv.rfind("\xEF\xBB\xBFid,network,direction,status,created_at,decided_at,source,name,profile_url,headline,"
                  "current_title,risk_level,risk_score,verdict,note\r\n", 0) == 0);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",") != std::string::npos);
  CHECK(csv.find("\"hello, \"\"you\"\"\"\r\n") != std::string::npos);
  // 11:59:59 UTC is 12:59:59 in Paris in November (+01:00).
  CHECK(csv.find(",2026-11-21T12:59:59+01:00,,extension,") != std::string::npos);
}

TEST_CASE("the JSON export is an array of objects with the CSV's columns and the same times") {
  ledger_fixture f("America/New_York", "2026-07-01T12:00:00Z");
  named(f, "a", "Ann", f.clock.now() - ms_per_day);
  named(f, "b", "+cmd|' /C calc'!A0", f.clock.now());
  const auto items = json::parse(whole_export(f, "json"));
  REQUIRE(items.size() == 2);
  CHECK(items[0].size() == 15);
  CHECK(items[0]["name"] == "+cmd|' /C calc'!A0");  // JSON is for programs: the text as written
  CHECK(items[0]["created_at"] == "2026-07-01T08:00:00-04:00");
  CHECK(items[1]["created_at"] == "2026-06-30T08:00:00-04:00");
  CHECK(items[1]["profile_url"] == linkedin("a"));
  CHECK(items[1]["decided_at"].is_null());
  CHECK(items[1]["note"] == "hello, \"you\"");
}

TEST_CASE("an empty ledger exports a header alone, or an empty array") {
  ledger_fixture f;
  CHECK(whole_export(f, "csv").find("\r\n") == whole_export(f, "csv").size() - 2);
  CHECK(json::parse(whole_export(f, "json")) == json::array());
}

TEST_CASE("a large export comes in chunks under the reply cap that join into the whole file") {
  ledger_fixture f;
  const std::string long_note(7000, '"');  // escaping doubles it in the reply: the budget counts that
  for (int i = 0; i < 400; ++i)
    f.ok({{"type", "invitation.sent"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("p" + std::to_string(i))}}},
          {"note", long_note},
          {"at", f.clock.now() - i * 1000}});
  int chunks = 0;
  const auto items = json::parse(whole_export(f, "json", &chunks));
  CHECK(chunks > 1);
  CHECK(items.size() == 400);
  CHECK(items[0]["profile_url"] == linkedin("p0"));
  CHECK(items[399]["profile_url"] == linkedin("p399"));
  const auto csv = whole_export(f, "csv", &chunks);
  CHECK(chunks > 1);
  std::size_t lines = 0;
  for (std::size_t p = 0; (p = csv.find("\r\n", p)) != std::string::npos; p += 2) ++lines;
  CHECK(lines == 401);
}

TEST_CASE("notes of control characters, tabs and accents cost what the reply's escaping makes of them") {
  // A raw \x01 in a CSV line is 6 bytes once in the reply's string (\u0001), a tab 2: counted as one
  // byte each, these 500 rows would go out as one reply of 1.2 MB, over the cap.
  ledger_fixture f;
  std::string note;
  for (int i = 0; i < 700; ++i) note += i % 3 == 0 ? "\x01" : i % 3 == 1 ? "\t" : "é";
  for (int i = 0; i < 500; ++i)
    f.ok({{"type", "invitation.sent"},
          {"profile", {{"network", "linkedin"}, {"profile_url", linkedin("c" + std::to_string(i))}}},
          {"note", note},
          {"at", f.clock.now() - i * 1000}});
  for (const char* format : {"json", "csv"}) {
    CAPTURE(format);
    int chunks = 0;
    const auto text = whole_export(f, format, &chunks);  // a reply over the cap would fail f.ok
    CHECK(chunks > 1);
    if (std::string(format) == "json") CHECK(json::parse(text).size() == 500);
  }
}

TEST_CASE("invitations.export refuses an unknown format and takes the list's filters") {
  ledger_fixture f;
  f.sent("x", f.clock.now() - 1000);
  CHECK(f.error_code({{"type", "invitations.export"}, {"format", "xlsx"}}) == "bad_request");
  CHECK(f.error_code({{"type", "invitations.export"}}) == "bad_request");
  const auto none = f.ok({{"type", "invitations.export"}, {"format", "json"}, {"direction", "received"}});
  CHECK(none["total"] == 0);
  CHECK(json::parse(none["text"].get<std::string>()) == json::array());
}
