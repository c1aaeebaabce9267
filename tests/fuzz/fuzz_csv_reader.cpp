// Fuzzes the CSV reader of data exports and the LinkedIn-export parser above
// it. The contract: bytes in, rows out or vigie::error(bad_import), nothing
// else (no other exception, no crash, no leak, no UB).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/linkedin_export.hpp"
#include "common/error.hpp"
#include "domain/csv_reader.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  std::printf("fuzz_csv_reader: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if (mode % 2 == 0) {
      // The raw reader: rows start on increasing lines, and feeding the text
      // in chunks (of 1 to 64 bytes, from the mode byte) gives the same rows
      // and the same error as the whole text at once.
      std::string whole_error;
      std::vector<vigie::domain::csv_row> rows;
      try {
        // Rows handed over before an error count too: the chunked read below hands them over the same way.
        vigie::domain::for_each_csv_row(text, "fuzz.csv", [&](vigie::domain::csv_row& row) { rows.push_back(row); });
      } catch (const vigie::error& e) {
        whole_error = e.what();
      }
      std::size_t last = 0;
      for (const auto& row : rows) {
        if (row.line <= last || row.fields.empty()) fail("rows out of order or empty");
        last = row.line;
      }
      const std::size_t chunk = (mode >> 2) + 1;
      std::vector<vigie::domain::csv_row> chunked;
      std::string chunked_error;
      try {
        vigie::domain::csv_reader reader("fuzz.csv", [&](vigie::domain::csv_row& row) { chunked.push_back(row); });
        for (std::size_t at = 0; at < text.size(); at += chunk) reader.feed(text.substr(at, chunk));
        reader.finish();
      } catch (const vigie::error& e) {
        chunked_error = e.what();
      }
      if (chunked_error != whole_error) fail("a different error when read in chunks");
      if (chunked.size() != rows.size()) fail("a different number of rows when read in chunks");
      for (std::size_t i = 0; i < rows.size(); ++i)
        if (chunked[i].line != rows[i].line || chunked[i].fields != rows[i].fields)
          fail("a different row when read in chunks");
      if (!whole_error.empty()) throw vigie::error(vigie::errc::bad_import, whole_error);
    } else {
      // Both files of an export: the input is split on the first form feed
      // (a byte no real export contains) into Invitations.csv and Connections.csv.
      const auto cut = text.find('\f');
      std::optional<std::string> invitations(std::string(text.substr(0, cut)));
      std::optional<std::string> connections;
      if (cut != std::string_view::npos) connections = std::string(text.substr(cut + 1));
      if (mode & 2) invitations.reset();
      const auto parsed = vigie::cli::parse_linkedin_export(invitations, connections);
      // The ledger's view of every kept row (what the importer writes).
      for (const auto& inv : parsed.invitations) (void)vigie::cli::profile_of(inv);
      for (const auto& c : parsed.connections) (void)vigie::cli::profile_of(c);
    }
  } catch (const vigie::error& e) {
    if (e.code() != vigie::errc::bad_import) fail("an error other than bad_import");
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    std::printf("fuzz_csv_reader: unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
