#pragma once
// The one export of the ledger: the same columns in CSV (for spreadsheets:
// UTF-8 with BOM, CRLF, formulas neutralised) and JSON (for programs: an array
// of objects), times in ISO 8601 with the local offset. invitations.export
// produces it for the dashboard and `vigie export`, a chunk at a time so that
// no reply passes the 1 MiB frame cap whatever the ledger holds.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"
#include "storage/invitations_repository.hpp"

namespace vigie::app {

enum class export_format { csv, json_array };
std::optional<export_format> export_format_from(std::string_view name);

struct export_chunk {
  std::string text;                        // append the chunks in order to get the whole file
  std::int64_t rows = 0;                   // rows in this chunk
  std::int64_t total = 0;                  // rows the filter matches
  std::optional<std::int64_t> next_offset; // nullopt on the last chunk
};

// The rows from filter.offset on (filter.limit is ignored) whose text, once
// escaped into a JSON string, stays within `budget` bytes (one row at least).
// The chunk at offset 0 starts the file (BOM and header, or "["), the last one
// ends it.
export_chunk export_invitations(storage::database& db, storage::list_filter filter, export_format format,
                                std::size_t budget);

}  // namespace vigie::app
