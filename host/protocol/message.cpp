#include "protocol/message.hpp"

namespace vigie::protocol {

namespace {

// One pass over the text tracking strings and escapes, so brackets inside
// strings do not count. Also counts the values (array elements and object
// members: one per comma or opening bracket), so a frame of millions of tiny
// values is refused before the parser allocates a node for each.
struct shape {
  bool nested_too_deep = false;
  std::size_t values = 0;
};

shape measure(std::string_view text, int limit) {
  shape out;
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      ++out.values;
      if (++depth > limit) {
        out.nested_too_deep = true;
        return out;
      }
    } else if (c == ']' || c == '}') --depth;
    else if (c == ',') ++out.values;
  }
  return out;
}

}  // namespace

json parse_object(std::string_view text) {
  if (text.empty()) throw error(errc::bad_json, "empty message");
  // JSON never holds a raw NUL (in strings it must be escaped); nlohmann/json
  // would take it as the end of the input and accept whatever follows.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos)
    throw error(errc::bad_json, "NUL byte at offset " + std::to_string(nul));
  const auto s = measure(text, max_json_depth);
  if (s.nested_too_deep)
    throw error(errc::bad_json, "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
  if (s.values > max_json_values)
    throw error(errc::too_large, "more than " + std::to_string(max_json_values) + " JSON values in one message");
  json value;
  try {
    value = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    // Not only parse_error: a number out of double range ("1e999") throws
    // out_of_range, which would otherwise escape the dispatcher and kill the host.
    throw error(errc::bad_json, e.what());
  }
  if (!value.is_object()) throw error(errc::bad_request, "a message must be a JSON object");
  return value;
}

json extract_id(const json& object) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find("id");
  if (it == object.end() || it->is_structured()) return nullptr;
  return *it;
}

request to_request(json object) {
  request req;
  const auto id = object.find("id");
  if (id != object.end() && id->is_structured())
    throw error(errc::bad_request, "\"id\" must be a JSON scalar");
  req.id = extract_id(object);
  const auto type = object.find("type");
  if (type == object.end() || !type->is_string())
    throw error(errc::bad_request, "\"type\" must be a string naming the message");
  req.type = type->get<std::string>();
  req.body = std::move(object);
  return req;
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_reply(const json& id, errc code, std::string_view message) {
  // Human text only: cap it, since parser messages quote the offending token,
  // which a hostile frame can make megabytes long (the reply must stay < 1 MiB).
  constexpr std::size_t max_message = 1024;
  const std::string text = message.size() > max_message
                               ? std::string(message.substr(0, max_message)) + "... (truncated)"
                               : std::string(message);
  return dump(json{{"id", id},
                   {"ok", false},
                   {"error", {{"code", std::string(to_string(code))}, {"message", text}}}});
}

}  // namespace vigie::protocol
