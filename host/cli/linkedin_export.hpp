#pragma once
// LinkedIn's data export (Settings > Data privacy > Get a copy of your data):
// Invitations.csv and Connections.csv turned into typed batches of at most
// 1,000 rows each, read as a stream: memory holds one batch, never the files.
// The importer (cli/import_command.cpp) hands each batch to the domain ledger,
// all in one transaction, so a malformed file (found in the middle of it)
// writes nothing.
//
// People are keyed by profile URL. Older exports have no URL columns in
// Invitations.csv; such a row is matched by exact full name to a single row of
// Connections.csv (an accepted invitation is a connection), and otherwise
// skipped and counted: a made-up key could never meet the real person the
// extension sees later, and would survive `vigie forget` of the real URL.
// Email addresses are not imported: the ledger has no use for them.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/ledger.hpp"
#include "domain/profile.hpp"

namespace vigie::cli {

inline constexpr std::string_view invitations_file = "Invitations.csv";
inline constexpr std::string_view connections_file = "Connections.csv";

struct imported_invitation {
  std::size_t line = 0;
  domain::direction direction = domain::direction::sent;  // OUTGOING | INCOMING
  std::string profile_url;
  std::string name;  // the other person: "To" when sent, "From" when received
  std::string note;
  domain::millis at = 0;
};

struct imported_connection {
  std::size_t line = 0;
  std::string profile_url;
  std::string name;
  std::string company;
  std::string position;
  domain::millis connected_at = 0;
};

// What was read, for the summary.
struct export_counts {
  std::size_t invitation_rows = 0;
  std::size_t connection_rows = 0;
  std::size_t invitations_matched_by_name = 0;  // URL-less rows keyed through Connections.csv
  std::size_t invitations_without_url = 0;      // skipped
  std::size_t connections_without_url = 0;      // skipped
};

// Every kept row at once (tests and the fuzz target; the importer streams).
struct linkedin_export : export_counts {
  std::vector<imported_invitation> invitations;
  std::vector<imported_connection> connections;
};

// Called with a file name and the rows read so far (every 1000 rows and at the end).
using progress_fn = std::function<void(std::string_view file, std::size_t rows)>;

// A file's bytes, streamed: each call of a byte_source hands the whole file,
// from its start, to the byte_sink in chunks cut anywhere. It may be called
// more than once (Connections.csv is read twice when both files are there).
using byte_sink = std::function<void(std::string_view chunk)>;
using byte_source = std::function<void(const byte_sink&)>;

// The most rows (invitations + connections) in one batch.
inline constexpr std::size_t import_batch_rows = 1000;
struct import_batch {
  std::vector<imported_invitation> invitations;
  std::vector<imported_connection> connections;
  std::size_t rows() const { return invitations.size() + connections.size(); }
};
using batch_fn = std::function<void(const import_batch& batch)>;

// Every text of a kept row is held to the host's bounds (app/input_limits.hpp)
// and every date to the ledger's earliest time, each refused with its file
// and line: the rows go to the ledger without passing a request's checks.

// Either file may be absent (nullopt). Hands `send` batches of at most
// import_batch_rows rows, every invitation before any connection (an
// imported connection marks the pending invitation sent to that person
// accepted, so the invitation must be in the ledger first). When both files
// are there, Connections.csv is read a first time, before anything is sent,
// to check it and to key the URL-less invitations of older exports by name.
// Throws vigie::error(bad_import) naming the file and line: missing header or
// column, wrong field count, unknown direction, bad date, or CSV syntax;
// batches already sent are the caller's to roll back.
export_counts read_linkedin_export(const std::optional<byte_source>& invitations_csv,
                                   const std::optional<byte_source>& connections_csv, const batch_fn& send,
                                   const progress_fn& progress = {});

// The same rows from texts in memory, all kept (tests, fuzzing).
linkedin_export parse_linkedin_export(const std::optional<std::string>& invitations_csv,
                                      const std::optional<std::string>& connections_csv,
                                      const progress_fn& progress = {});

// The person of a row, as the ledger takes it (network linkedin, its URL and
// what the row tells: name; for a connection, company and position).
domain::profile profile_of(const imported_invitation& row);
domain::profile profile_of(const imported_connection& row);

}  // namespace vigie::cli
