// Fuzzes `vigie import linkedin-export` on a ZIP: the input is the archive
// the user points the CLI at, read through the same export_files (libarchive,
// size caps from the headers and while inflating) and read_linkedin_export
// (streamed CSV rows, typed batches) as host/cli/import_command.cpp,
// short of the ledger. The contract: batches of 1-1,000 rows whose texts are valid UTF-8,
// or vigie::error(bad_import); never a byte past max_export_file_bytes of one
// file, no chunk over export_chunk_bytes, no other exception, no crash, no
// leak, no UB. export_files opens a path (libarchive reads the file itself),
// so the bytes go to a memfd: memory, not the disk, and one per process.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cli/import_archive.hpp"
#include "cli/linkedin_export.hpp"
#include "common/error.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  std::printf("fuzz_zip_import: %s\n", what);
  std::abort();
}

// The input as a file: one memfd, rewritten for every input.
std::string as_file(const std::uint8_t* data, std::size_t size) {
  static const int fd = ::memfd_create("fuzz_zip_import", MFD_CLOEXEC);
  if (fd < 0 || ::ftruncate(fd, 0) != 0) fail("memfd_create/ftruncate failed");
  for (std::size_t at = 0; at < size;) {
    const auto n = ::pwrite(fd, data + at, size - at, static_cast<off_t>(at));
    if (n <= 0) fail("pwrite to the memfd failed");
    at += static_cast<std::size_t>(n);
  }
  return "/proc/self/fd/" + std::to_string(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vigie::cli::connections_file;
  using vigie::cli::invitations_file;
  const std::string path = as_file(data, size);
  try {
    const vigie::cli::export_files files(path, {std::string(invitations_file), std::string(connections_file)});
    if (files.empty()) return 0;  // the CLI refuses this with bad_import, before reading anything
    // Each pass over a file (Connections.csv is read twice when both files are there) counts its own bytes.
    const auto source = [&](std::string_view name) -> std::optional<vigie::cli::byte_source> {
      if (!files.has(std::string(name))) return std::nullopt;
      return vigie::cli::byte_source([&files, name](const vigie::cli::byte_sink& sink) {
        std::size_t total = 0;
        files.read(std::string(name), [&](std::string_view chunk) {
          if (chunk.size() > vigie::cli::export_chunk_bytes) fail("a chunk larger than export_chunk_bytes");
          total += chunk.size();
          if (total > vigie::cli::max_export_file_bytes) fail("read past max_export_file_bytes");
          sink(chunk);
        });
      });
    };
    std::size_t invitations_sent = 0, connections_sent = 0;
    const auto counts = vigie::cli::read_linkedin_export(
        source(invitations_file), source(connections_file), [&](const vigie::cli::import_batch& batch) {
          if (batch.rows() == 0 || batch.rows() > vigie::cli::import_batch_rows) fail("an empty or oversized batch");
          invitations_sent += batch.invitations.size();
          connections_sent += batch.connections.size();
          // Strict: dump() throws on a string that is not UTF-8, which the CSV reader must have refused.
          for (const auto& inv : batch.invitations) (void)nlohmann::json{inv.profile_url, inv.name, inv.note}.dump();
          for (const auto& c : batch.connections) (void)nlohmann::json{c.profile_url, c.name, c.company, c.position}.dump();
        });
    if (invitations_sent > counts.invitation_rows || connections_sent > counts.connection_rows)
      fail("more rows sent than read");
  } catch (const vigie::error& e) {
    if (e.code() != vigie::errc::bad_import) {
      std::printf("fuzz_zip_import: %s: %s\n", std::string(vigie::to_string(e.code())).c_str(), e.what());
      fail("an error other than bad_import");
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    std::printf("fuzz_zip_import: unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
