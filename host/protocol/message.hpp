#pragma once
// Protocol v1 messages: request {id, type, ...fields} and reply
// {id, ok, result} / {id, ok:false, error:{code, message}}. JSON <-> structs,
// no I/O.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace vigie::protocol {

using json = nlohmann::json;

// Nesting deeper than this is refused before parsing (a page or a buggy
// extension must not make the host recurse or allocate without bound).
inline constexpr int max_json_depth = 64;
// Values (array elements + object members) in one message: bounds the parsed
// tree (tens of bytes per value) whatever the frame holds. A 30,000-row
// invitations.sent_list holds about 300,000.
inline constexpr std::size_t max_json_values = 1'000'000;

struct request {
  json id;           // any JSON scalar, echoed back
  std::string type;  // handler name, e.g. "hello"
  json body;         // the whole request object (fields beside id and type)
};

// Throws error(bad_json) for invalid UTF-8, syntax errors, too deep nesting;
// error(bad_request) when the value is not an object.
json parse_object(std::string_view text);

// Extracts a scalar id if there is one, else null (for error replies to
// requests that are otherwise malformed).
json extract_id(const json& object);

// Throws error(bad_request) for a missing/non-string type or non-scalar id.
request to_request(json object);

std::string error_reply(const json& id, errc code, std::string_view message);

// Serialises without throwing on odd bytes (replaced by U+FFFD).
std::string dump(const json& value);

}  // namespace vigie::protocol
