#pragma once
// LinkedIn's data export (Settings > Data privacy > Get a copy of your data):
// Invitations.csv and Connections.csv turned into one `import.batch` request.
// Everything is parsed and checked before anything is sent, so a malformed
// file writes nothing.
//
// People are keyed by profile URL. Older exports have no URL columns in
// Invitations.csv; such a row is matched by exact full name to a single row of
// Connections.csv (an accepted invitation is a connection), and otherwise
// skipped and counted: a made-up key could never meet the real person the
// extension sees later, and would survive `vigie forget` of the real URL.
// Email addresses are not imported: the ledger has no use for them.
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"

namespace vigie::cli {

inline constexpr std::string_view invitations_file = "Invitations.csv";
inline constexpr std::string_view connections_file = "Connections.csv";

struct imported_invitation {
  std::size_t line = 0;
  std::string direction;  // "sent" (OUTGOING) | "received" (INCOMING)
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

struct linkedin_export {
  std::vector<imported_invitation> invitations;
  std::vector<imported_connection> connections;
  std::size_t invitation_rows = 0;
  std::size_t connection_rows = 0;
  std::size_t invitations_matched_by_name = 0;  // URL-less rows keyed through Connections.csv
  std::size_t invitations_without_url = 0;      // skipped
  std::size_t connections_without_url = 0;      // skipped
};

// Called with a file name and the rows read so far (every 1000 rows and at the end).
using progress_fn = std::function<void(std::string_view file, std::size_t rows)>;

// Either file may be absent (nullopt). Throws vigie::error(bad_import) naming
// the file and line: missing header or column, wrong field count, unknown
// direction, bad date, or CSV syntax.
linkedin_export parse_linkedin_export(const std::optional<std::string>& invitations_csv,
                                      const std::optional<std::string>& connections_csv,
                                      const progress_fn& progress = {});

// The body of the import.batch request (see docs/PROTOCOL.md).
nlohmann::json to_import_batch(const linkedin_export& data);

}  // namespace vigie::cli
