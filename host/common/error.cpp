#include "common/error.hpp"

#include <array>
#include <utility>

namespace vigie {

namespace {

// Each code with its word (docs/PROTOCOL.md), once: both directions read it.
constexpr std::array<std::pair<errc, std::string_view>, 10> names = {{
    {errc::bad_json, "bad_json"},
    {errc::bad_request, "bad_request"},
    {errc::unknown_type, "unknown_type"},
    {errc::too_large, "too_large"},
    {errc::storage_error, "storage_error"},
    {errc::forbidden, "forbidden"},
    {errc::not_found, "not_found"},
    {errc::bad_import, "bad_import"},
    {errc::team_error, "team_error"},
    {errc::internal, "internal"},
}};

}  // namespace

std::string_view to_string(errc code) noexcept {
  for (const auto& [c, name] : names)
    if (c == code) return name;
  return "internal";
}

std::optional<errc> errc_from_string(std::string_view name) noexcept {
  for (const auto& [c, word] : names)
    if (word == name) return c;
  return std::nullopt;
}

}  // namespace vigie
