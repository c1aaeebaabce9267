#pragma once
// `vigie import linkedin-export`: LinkedIn's data export read by
// cli/linkedin_export.hpp and written by the domain ledger (import_invitation,
// import_connection), in one transaction. The dashboard's import (import.files)
// runs this same command.
#include <cstdint>
#include <optional>

#include "cli/linkedin_export.hpp"
#include "cli/session.hpp"

namespace vigie::cli {

struct import_totals {
  std::int64_t invitations_added = 0;
  std::int64_t invitations_known = 0;  // already in the ledger: importing twice adds nothing
  std::int64_t connections_added = 0;
};

// Either file may be absent. All or nothing: a refused line (vigie::error
// bad_import naming the file and line) leaves the ledger as it was, and
// `totals` untouched.
export_counts import_linkedin_export(session& s, const std::optional<byte_source>& invitations_csv,
                                     const std::optional<byte_source>& connections_csv, import_totals& totals,
                                     const progress_fn& progress = {});

}  // namespace vigie::cli
