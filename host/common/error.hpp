#pragma once
// One error type for the whole core. Every layer throws vigie::error with a
// stable code; the dispatcher is the only place that catches it and turns it
// into a protocol reply. Codes are part of the protocol contract: see
// docs/PROTOCOL.md before adding or renaming one.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie {

enum class errc {
  bad_json,       // frame body is not valid UTF-8 JSON
  bad_request,    // JSON valid but not a request object / wrong field types
  unknown_type,   // "type" names no handler
  too_large,      // inbound over 64 MiB, or a reply over 1 MiB
  storage_error,  // SQLite failed (busy past timeout, disk full, corrupt)
  forbidden,      // caller not in the allow-list
  not_found,      // the person / row asked for does not exist
  bad_import,     // an import file is malformed (file and line in message)
  team_error,     // the team's server could not be reached or refused (CLI only: the host opens no socket)
  internal,       // a bug: anything not covered above
};

std::string_view to_string(errc code) noexcept;
// The inverse, for a code read back from text (the CLI's "[code]"); nullopt for an unknown word.
std::optional<errc> errc_from_string(std::string_view name) noexcept;

class error : public std::runtime_error {
 public:
  error(errc code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  errc code() const noexcept { return code_; }

 private:
  errc code_;
};

}  // namespace vigie
