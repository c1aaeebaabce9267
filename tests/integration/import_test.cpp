#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "integration/cli_run.hpp"
#include "support/host_process.hpp"
#include "storage/database.hpp"

using namespace vigie_test;

namespace {

// Zips a fixture folder the way LinkedIn ships it: CSV files at the root.
fs::path zip_folder(const fs::path& folder, const fs::path& zip) {
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  REQUIRE(archive_write_open_filename(a, zip.c_str()) == ARCHIVE_OK);
  for (const auto& file : fs::directory_iterator(folder)) {
    const auto content = slurp(file.path());
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, file.path().filename().c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
    REQUIRE(archive_write_data(a, content.data(), content.size()) == static_cast<la_ssize_t>(content.size()));
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return zip;
}

nlohmann::json list_all(const fs::path& home) {
  const auto r = run_vigie(home, {"list", "--json", "--limit", "1000"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return r.json();
}

const nlohmann::json* find_by_url(const nlohmann::json& items, const std::string& url) {
  for (const auto& item : items)
    if (item["person"]["profile_url"].get<std::string>().find(url) != std::string::npos) return &item;
  return nullptr;
}

}  // namespace

TEST_CASE("importing LinkedIn's export from the ZIP then from the folder adds nothing the second time") {
  temp_home home;
  const auto zip = zip_folder(fixture("current"), home.path() / "Basic_LinkedInDataExport_02-10-2026.zip");

  const auto first = run_vigie(home.path(), {"import", "linkedin-export", zip.string(), "--json"});
  REQUIRE_MESSAGE(first.status == 0, first.err);
  const auto summary = first.json();
  CHECK(summary["invitation_rows"] == 4);
  CHECK(summary["invitations_added"] == 4);
  CHECK(summary["invitations_known"] == 0);
  CHECK(summary["connection_rows"] == 3);
  CHECK(summary["connections_added"] == 2);
  CHECK(summary["connections_skipped_without_url"] == 1);
  CHECK(first.err.empty());  // no progress line when stderr is not a terminal

  const auto after_first = list_all(home.path());
  CHECK(after_first["total"] == 4);
  for (const auto& item : after_first["items"]) CHECK(item["source"] == "import");

  const auto* jane = find_by_url(after_first["items"], "/in/jane-doe");
  REQUIRE(jane);
  CHECK((*jane)["direction"] == "sent");
  CHECK((*jane)["note"] == "Hi Jane,\r\nwe met at the \"Lyon\" meetup.");
  // "1/29/26, 2:37 PM" in Europe/Paris (UTC+1 in winter).
  CHECK((*jane)["created_at"] == 1769693820000);
  CHECK((*jane)["status"] == "accepted");  // she is in Connections.csv, connected on 2 Feb 2026
  CHECK((*jane)["decided_at"] == 1769986800000);
  const auto* olga = find_by_url(after_first["items"], "olga-petrova-7");
  REQUIRE(olga);
  CHECK((*olga)["direction"] == "received");
  CHECK((*olga)["person"]["name"] == "Olga Petrova");

  const auto second = run_vigie(home.path(), {"import", "linkedin-export", fixture("current").string()});
  REQUIRE_MESSAGE(second.status == 0, second.err);
  CHECK(second.out.find("0 added, 4 already known") != std::string::npos);
  CHECK(second.out.find("0 new connections") != std::string::npos);
  const auto after_second = list_all(home.path());
  CHECK(after_second["total"] == 4);
  CHECK(after_second["items"] == after_first["items"]);
}

TEST_CASE("an older export without URL columns keys rows through Connections.csv and counts the rest") {
  temp_home home;
  const auto r = run_vigie(home.path(), {"import", "linkedin-export", fixture("older").string()});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("1 keyed by name") != std::string::npos);
  CHECK(r.out.find("1 skipped (no profile URL") != std::string::npos);
  const auto list = list_all(home.path());
  REQUIRE(list["total"] == 1);
  CHECK(list["items"][0]["person"]["name"] == "Jane Doe");
}

TEST_CASE("a malformed export is refused naming the file and line, and nothing of it is written") {
  struct example {
    const char* folder;
    const char* where;
  };
  const example examples[] = {
      {"malformed/unterminated-quote", "Invitations.csv line 3"},
      {"malformed/bad-date", "Invitations.csv line 3"},
      {"malformed/missing-header", "Invitations.csv line 1"},
  };
  for (const auto& ex : examples) {
    SUBCASE(ex.folder) {
      temp_home home;
      const auto r = run_vigie(home.path(), {"import", "linkedin-export", fixture(ex.folder).string()});
      CHECK(r.status == 1);
      CHECK_MESSAGE(r.err.find(ex.where) != std::string::npos, r.err);
      CHECK(r.err.find("bad_import") != std::string::npos);
      CHECK(list_all(home.path())["total"] == 0);
      // Not even the valid Connections.csv beside it, nor the rows before the bad one.
      CHECK(run_vigie(home.path(), {"forget", "https://www.linkedin.com/in/jane-doe"}).status == 3);
    }
  }
}

// The rows go to the ledger 1,000 at a time, in one transaction: a bad line
// found after several batches have been written still leaves nothing.
TEST_CASE("a bad line after the first batches leaves the ledger as it was") {
  temp_home home;
  REQUIRE(run_vigie(home.path(), {"import", "linkedin-export", fixture("current").string()}).status == 0);
  const auto before = list_all(home.path());
  const auto folder = home.path() / "late-error";
  fs::create_directories(folder);
  {
    std::ofstream out(folder / "Invitations.csv", std::ios::binary);
    out << "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n";
    for (int i = 0; i < 2500; ++i)
      out << "Me,P" << i << ",\"1/29/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/p-" << i << "\r\n";
    out << "Me,Late,\"29/1/26, 2:37 PM\",,OUTGOING,,https://www.linkedin.com/in/late\r\n";
  }
  const auto r = run_vigie(home.path(), {"import", "linkedin-export", folder.string()});
  CHECK(r.status == 1);
  CHECK_MESSAGE(r.err.find("Invitations.csv line 2502") != std::string::npos, r.err);
  CHECK(list_all(home.path()) == before);
  CHECK(run_vigie(home.path(), {"forget", "https://www.linkedin.com/in/p-1"}).status == 3);
}

TEST_CASE("import reports a missing path as not found and a non-ZIP file as a bad import") {
  temp_home home;
  const auto missing = run_vigie(home.path(), {"import", "linkedin-export", (home.path() / "nope.zip").string()});
  CHECK(missing.status == 3);
  CHECK(missing.err.find("nope.zip") != std::string::npos);

  const auto junk = home.path() / "junk.zip";
  std::ofstream(junk) << "this is not a zip";
  const auto bad = run_vigie(home.path(), {"import", "linkedin-export", junk.string()});
  CHECK(bad.status == 1);
  CHECK(bad.err.find("junk.zip") != std::string::npos);

  const auto empty_dir = home.path() / "empty";
  fs::create_directories(empty_dir);
  const auto empty = run_vigie(home.path(), {"import", "linkedin-export", empty_dir.string()});
  CHECK(empty.status == 1);
  CHECK(empty.err.find("neither Invitations.csv nor Connections.csv") != std::string::npos);
}

namespace {

std::int64_t count_rows(const fs::path& home, const std::string& table) {
  vigie::storage::database db((home / "data" / "vigie.db").string());
  auto& st = db.prepare("SELECT count(*) FROM " + table);
  REQUIRE(st.step());
  return st.column_int(0);
}

}  // namespace

// A snapshot is kept only for an observation that changes something, so the
// second run writes nothing.
TEST_CASE("importing the same export again writes no row in any table") {
  temp_home home;
  REQUIRE(run_vigie(home.path(), {"import", "linkedin-export", fixture("current").string()}).status == 0);
  std::map<std::string, std::int64_t> before;
  for (const char* table : {"people", "snapshots", "invitations"}) before[table] = count_rows(home.path(), table);
  CHECK(before["invitations"] == 4);
  REQUIRE(run_vigie(home.path(), {"import", "linkedin-export", fixture("current").string()}).status == 0);
  for (const auto& [table, count] : before) {
    CAPTURE(table);
    CHECK(count_rows(home.path(), table) == count);
  }
}

namespace {

// A ZIP holding one entry of `size` bytes of `fill`, written in chunks (never whole in memory).
fs::path zip_of_filler(const fs::path& zip, const char* entry_name, std::size_t size, char fill) {
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  REQUIRE(archive_write_open_filename(a, zip.c_str()) == ARCHIVE_OK);
  archive_entry* e = archive_entry_new();
  archive_entry_set_pathname(e, entry_name);
  archive_entry_set_size(e, static_cast<la_int64_t>(size));
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, 0644);
  REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
  const std::string chunk(1 << 20, fill);
  for (std::size_t done = 0; done < size; done += chunk.size())
    archive_write_data(a, chunk.data(), std::min(chunk.size(), size - done));
  archive_entry_free(e);
  archive_write_close(a);
  archive_write_free(a);
  return zip;
}

}  // namespace

TEST_CASE("hostile imports are refused cleanly: a ZIP bomb of commas, /dev/zero, bytes that are not UTF-8") {
  temp_home home;
  ::signal(SIGPIPE, SIG_IGN);  // the FIFO case writes after the reader has gone: EPIPE, not a signal
  SUBCASE("300 MB of commas in a small ZIP: refused from the header, unread") {
    const auto zip = zip_of_filler(home.path() / "bomb.zip", "Connections.csv", 300u << 20, ',');
    CHECK(fs::file_size(zip) < 2u << 20);
    const auto r = run_vigie(home.path(), {"import", "linkedin-export", zip.string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("Connections.csv is larger than 32 MiB") != std::string::npos);
  }
  SUBCASE("a ZIP whose headers say 1,000 bytes for 300 MB of line ends: refused while inflating, at 32 MiB") {
    // Blank lines only: no record ever ends the reading, only the cap does.
    const auto zip = zip_of_filler(home.path() / "liar.zip", "Connections.csv", 300u << 20, '\n');
    std::string bytes = slurp(zip);
    std::size_t patched = 0;
    // The uncompressed size of every header (local at offset 22, central at 24) becomes 1,000.
    for (const auto& [signature, offset] : {std::pair<std::string, std::size_t>{"PK\x03\x04", 22}, {"PK\x01\x02", 24}})
      for (auto at = bytes.find(signature); at != std::string::npos; at = bytes.find(signature, at + 4)) {
        const char size[4] = {'\xE8', '\x03', 0, 0};
        bytes.replace(at + offset, 4, size, 4);
        ++patched;
      }
    REQUIRE(patched == 2);
    std::ofstream(zip, std::ios::binary | std::ios::trunc) << bytes;
    const auto r = run_vigie(home.path(), {"import", "linkedin-export", zip.string()});
    CHECK(r.status == 1);
    CHECK_MESSAGE(r.err.find("Connections.csv is larger than 32 MiB") != std::string::npos, r.err);
  }
  SUBCASE("a CSV path that is a symlink to /dev/zero: refused at its first NUL byte, not read on") {
    fs::create_directories(home.path() / "export");
    fs::create_symlink("/dev/zero", home.path() / "export" / "Invitations.csv");
    const auto r = run_vigie(home.path(), {"import", "linkedin-export", (home.path() / "export" / "Invitations.csv").string()});
    CHECK(r.status == 1);
    CHECK_MESSAGE(r.err.find("Invitations.csv line 1: NUL byte") != std::string::npos, r.err);
  }
  SUBCASE("a plain CSV of 300 MB: refused from its size, unread") {
    const auto big = home.path() / "Connections.csv";
    { std::ofstream(big) << "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"; }
    fs::resize_file(big, std::uintmax_t{300} << 20);  // a sparse file: no disk used
    const auto r = run_vigie(home.path(), {"import", "linkedin-export", big.string()});
    CHECK(r.status == 1);
    CHECK_MESSAGE(r.err.find("Connections.csv is larger than 32 MiB") != std::string::npos, r.err);
  }
  SUBCASE("endless valid text from a FIFO (no size to check first): refused at 32 MiB read") {
    // Lines before Connections.csv's header are skipped, so nothing but the
    // cap ends this file.
    const auto fifo = home.path() / "Connections.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::size_t written = 0;
    std::thread writer([&] {
      int fd = -1;
      for (int tries = 0; fd < 0 && tries < 3000; ++tries) {  // until the reader opens it (30 s at most)
        fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd < 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      if (fd < 0) return;
      ::fcntl(fd, F_SETFL, 0);
      std::string lines;
      for (int i = 0; i < 4096; ++i) lines += "Notes: a line of the preamble\n";
      // Stops when the reader has gone (EPIPE) or well past the cap.
      while (written < (std::size_t{64} << 20)) {
        const auto n = ::write(fd, lines.data(), lines.size());
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
      }
      ::close(fd);
    });
    const auto r = run_vigie(home.path(), {"import", "linkedin-export", fifo.string()});
    writer.join();
    CHECK(r.status == 1);
    CHECK_MESSAGE(r.err.find("Connections.csv is larger than 32 MiB") != std::string::npos, r.err);
    CHECK(written < (std::size_t{34} << 20));  // the reader stopped at the cap (plus the pipe's buffer)
  }
  SUBCASE("a Latin-1 file is refused naming the file and the line, nothing written") {
    fs::create_directories(home.path() / "latin1");
    std::ofstream(home.path() / "latin1" / "Invitations.csv", std::ios::binary)
        << "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        << "Camille Martin,Ren\xe9 Dupont,\"1/29/26, 2:37 PM\",,OUTGOING,https://www.linkedin.com/in/c,https://www.linkedin.com/in/r\n";
    const auto r = run_vigie(home.path(), {"import", "linkedin-export", (home.path() / "latin1").string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("Invitations.csv line 2: not UTF-8") != std::string::npos);
    CHECK(list_all(home.path())["total"] == 0);
  }
}

// ---- import.files: the dashboard's path, through a spawned vigie-host ----

namespace {

std::string to_base64(const std::string& bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += alphabet[(v >> s) & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    for (int s = 18; s >= 6; s -= 6) out += alphabet[(v >> s) & 63];
    out += '=';
  }
  return out;
}

// One import.files request to a vigie-host started as the browser would, with
// run_vigie's VIGIE_HOME, clock and TZ so the CLI can read what it wrote.
nlohmann::json import_files(const fs::path& home, const nlohmann::json& files) {
  vigie::test::process host(VIGIE_HOST_BINARY, {vigie::test::our_origin},
                            {{"VIGIE_HOME", (home / "data").string()},
                             {"TZ", "Europe/Paris"},
                             {"VIGIE_NOW", "2026-02-10T12:00:00+01:00"}});
  const auto reply = host.call({{"id", 1}, {"type", "import.files"}, {"files", files}});
  host.close_stdin();
  CHECK(host.wait() == 0);
  return reply;
}

std::size_t entries_under(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("import-", 0) == 0) ++n;
  return n;
}

}  // namespace

TEST_CASE("import.files imports the ZIP the dashboard hands over with the CLI's code, the same as vigie import") {
  temp_home home;
  temp_home other;
  const auto zip = zip_folder(fixture("current"), home.path() / "Basic_LinkedInDataExport_02-10-2026.zip");
  const auto reply = import_files(home.path(), {{{"name", "Basic_LinkedInDataExport_02-10-2026.zip"}, {"data", to_base64(slurp(zip))}}});
  REQUIRE_MESSAGE(reply["ok"] == true, reply.dump());
  CHECK(reply["result"]["invitations_added"] == 4);
  CHECK(reply["result"]["connections_added"] == 2);
  CHECK(reply["result"]["connections_skipped_without_url"] == 1);
  // The same ledger as the CLI's import of the same files.
  const auto cli = run_vigie(other.path(), {"import", "linkedin-export", zip.string(), "--json"});
  REQUIRE_MESSAGE(cli.status == 0, cli.err);
  auto strip = [](nlohmann::json list) {
    for (auto& item : list["items"]) item.erase("id");
    return list;
  };
  CHECK(strip(list_all(home.path())) == strip(list_all(other.path())));
  CHECK(entries_under(home.path() / "data") == 0);  // the picked files are not kept
  // Again: nothing new.
  const auto again = import_files(home.path(), {{{"name", "export.zip"}, {"data", to_base64(slurp(zip))}}});
  CHECK(again["result"]["invitations_added"] == 0);
  CHECK(again["result"]["invitations_known"] == 4);
}

TEST_CASE("import.files takes the CSV files under the names the user's system gave them") {
  temp_home home;
  const auto reply = import_files(
      home.path(), {{{"name", "Invitations (1).csv"}, {"data", to_base64(slurp(fixture("current") / "Invitations.csv"))}},
                    {{"name", "connections.csv"}, {"data", to_base64(slurp(fixture("current") / "Connections.csv"))}}});
  REQUIRE_MESSAGE(reply["ok"] == true, reply.dump());
  CHECK(reply["result"]["invitations_added"] == 4);
  CHECK(list_all(home.path())["total"] == 4);
}

TEST_CASE("import.files refuses what it cannot import, naming the user's file, and writes nothing") {
  temp_home home;
  SUBCASE("a malformed CSV: the CLI's error, with the file as the user named it and the line") {
    const auto reply = import_files(
        home.path(), {{{"name", "My Invitations.csv"},
                       {"data", to_base64(slurp(fixture("malformed") / "bad-date" / "Invitations.csv"))}}});
    REQUIRE(reply["ok"] == false);
    CHECK(reply["error"]["code"] == "bad_import");
    const auto message = reply["error"]["message"].get<std::string>();
    CHECK(message.find("My Invitations.csv") != std::string::npos);
    CHECK(message.find("import-") == std::string::npos);  // no path of ours
  }
  SUBCASE("a file that is neither the ZIP nor one of its CSV files") {
    const auto reply = import_files(home.path(), {{{"name", "photo.png"}, {"data", to_base64("\x89PNG\r\n")}}});
    CHECK(reply["error"]["code"] == "bad_import");
    CHECK(reply["error"]["message"].get<std::string>().find("photo.png") != std::string::npos);
  }
  SUBCASE("data that is not base64") {
    const auto reply = import_files(home.path(), {{{"name", "Invitations.csv"}, {"data", "not base64!"}}});
    CHECK(reply["error"]["code"] == "bad_request");
  }
  SUBCASE("a ZIP that is not one") {
    const auto reply = import_files(home.path(), {{{"name", "export.zip"}, {"data", to_base64("PK\x03\x04garbage")}}});
    CHECK(reply["error"]["code"] == "bad_import");
    CHECK(reply["error"]["message"].get<std::string>().find("export.zip") != std::string::npos);
  }
  const auto r = run_vigie(home.path(), {"list", "--json"});
  if (r.status == 0) CHECK(r.json()["total"] == 0);
  if (fs::exists(home.path() / "data")) CHECK(entries_under(home.path() / "data") == 0);
}
