// The framing codec, byte by byte. The malformed-input table below is the
// list the protocol promises an outcome for (docs/PROTOCOL.md, "Framing").
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "protocol/frame_codec.hpp"
#include "protocol/message.hpp"

using namespace vigie;
using namespace vigie::protocol;

namespace {

std::string header(std::uint32_t length) {
  std::string h(4, '\0');
  std::memcpy(h.data(), &length, 4);
  return h;
}

std::string frame(const std::string& body) { return header(static_cast<std::uint32_t>(body.size())) + body; }

// What the decoder + message layer make of a stream, as a list of outcomes.
struct outcome {
  std::string kind;  // "message", "bad_json", "bad_request", "fatal", "need_more"
};

std::vector<std::string> run(const std::string& bytes, std::size_t chunk = 0) {
  frame_decoder decoder;
  std::vector<std::string> outcomes;
  bool stopped = false;  // a reader stops at the first fatal error
  auto drain = [&] {
    while (!stopped) {
      auto r = decoder.next();
      if (r.status == decode_status::need_more) return;
      if (r.status == decode_status::error) {
        outcomes.push_back("fatal");
        stopped = true;
        return;
      }
      try {
        (void)to_request(parse_object(r.body));
        outcomes.push_back("message");
      } catch (const error& e) {
        outcomes.push_back(std::string(to_string(e.code())));
      }
    }
  };
  if (chunk == 0) {
    decoder.feed(bytes);
    drain();
  } else {
    for (std::size_t i = 0; i < bytes.size(); i += chunk) {
      decoder.feed(bytes.substr(i, chunk));
      drain();
    }
  }
  if (decoder.mid_frame()) outcomes.push_back("truncated");
  return outcomes;
}

const std::string hello = R"({"id":1,"type":"hello"})";

// A hello carrying an array of n zeros.
std::string zeros(std::size_t n) {
  std::string body = R"({"id":1,"type":"hello","x":[0)";
  body.reserve(body.size() + 2 * n + 2);
  for (std::size_t i = 1; i < n; ++i) body += ",0";
  return body + "]}";
}

}  // namespace

TEST_CASE("decoder yields a complete frame and then asks for more") {
  frame_decoder d;
  d.feed(frame(hello));
  auto r = d.next();
  REQUIRE(r.status == decode_status::message);
  CHECK(r.body == hello);
  CHECK(d.next().status == decode_status::need_more);
  CHECK_FALSE(d.mid_frame());
}

TEST_CASE("decoder reassembles frames fed one byte at a time") {
  const std::string stream = frame(hello) + frame(R"({"id":2,"type":"x"})");
  CHECK(run(stream, 1) == std::vector<std::string>{"message", "message"});
  CHECK(run(stream, 3) == std::vector<std::string>{"message", "message"});
  CHECK(run(stream, 5) == std::vector<std::string>{"message", "message"});
}

TEST_CASE("decoder rejects a length over 64 MiB before allocating") {
  for (std::uint32_t length : {static_cast<std::uint32_t>(max_inbound_bytes + 1), 1u << 31, 0xFFFFFFFFu}) {
    CAPTURE(length);
    frame_decoder d;
    d.feed(header(length));
    auto r = d.next();
    CHECK(r.status == decode_status::error);
    CHECK(r.fatal);
    // Nothing of the announced size was reserved: the buffer was dropped.
    CHECK(d.buffered() == 0);
    d.feed(frame(hello));
    CHECK(d.next().status == decode_status::error);  // stays out of sync
  }
}

TEST_CASE("decoder accepts a length of exactly 64 MiB and waits for the body") {
  frame_decoder d;
  d.feed(header(static_cast<std::uint32_t>(max_inbound_bytes)));
  CHECK(d.next().status == decode_status::need_more);
  CHECK(d.mid_frame());
}

TEST_CASE("malformed inputs each get their documented outcome") {
  struct row {
    const char* name;
    std::string bytes;
    std::vector<std::string> expected;
  };
  const std::string deep_array = std::string(100, '[') + std::string(100, ']');
  const std::string deep_in_object = R"({"id":1,"type":"hello","x":)" + deep_array + "}";
  const std::string nested_string = R"({"id":1,"type":"hello","x":")" + std::string(200, '[') + R"("})";
  const std::vector<row> table = {
      // 1-6: framing
      {"empty stream", "", {}},
      {"one header byte then EOF", std::string(1, '\x05'), {"truncated"}},
      {"three header bytes then EOF", std::string("\x05\x00\x00", 3), {"truncated"}},
      {"header but no body", header(10), {"truncated"}},
      {"body shorter than announced", header(50) + hello, {"truncated"}},
      {"length 2^32-1", header(0xFFFFFFFFu) + hello, {"fatal"}},
      // 7-8: length edge cases
      {"length 2^31", header(1u << 31), {"fatal"}},
      {"length 0 is an empty, in-sync frame", header(0) + frame(hello), {"bad_json", "message"}},
      // 9-13: invalid UTF-8 and JSON syntax
      {"invalid UTF-8 in a string", frame("{\"id\":1,\"type\":\"he\xffllo\"}") + frame(hello), {"bad_json", "message"}},
      {"overlong UTF-8 encoding", frame("{\"id\":1,\"type\":\"\xc0\xaf\"}"), {"bad_json"}},
      {"UTF-16 surrogate encoded in UTF-8", frame("{\"id\":1,\"type\":\"\xed\xa0\x80\"}"), {"bad_json"}},
      {"truncated JSON", frame(R"({"id":1,"type":)") + frame(hello), {"bad_json", "message"}},
      {"trailing garbage after the object", frame(hello + "xyz"), {"bad_json"}},
      // 14-17: not an object
      {"array", frame("[1,2]"), {"bad_request"}},
      {"bare string", frame(R"("hello")"), {"bad_request"}},
      {"number", frame("42"), {"bad_request"}},
      {"null", frame("null"), {"bad_request"}},
      // 18-21: request shape
      {"object without type", frame(R"({"id":1})"), {"bad_request"}},
      {"type not a string", frame(R"({"id":1,"type":7})"), {"bad_request"}},
      {"id is an object", frame(R"({"id":{"a":1},"type":"hello"})"), {"bad_request"}},
      {"id is an array", frame(R"({"id":[1],"type":"hello"})"), {"bad_request"}},
      // 22-25: nesting
      {"nesting of 100 levels", frame(deep_in_object), {"bad_json"}},
      {"nesting of 64 levels is fine",
       frame(R"({"id":1,"type":"hello","x":)" + std::string(63, '[') + std::string(63, ']') + "}"), {"message"}},
      {"brackets inside strings do not count as nesting", frame(nested_string), {"message"}},
      {"100,000 levels of nesting", frame(std::string(100000, '[') + std::string(100000, ']')), {"bad_json"}},
      // 26-28: streams mixing good and bad
      {"garbage bytes as a body", frame(std::string("\x01\x02\x03\x04\xfe", 5)) + frame(hello), {"bad_json", "message"}},
      {"two frames glued in one read", frame(hello) + frame(hello), {"message", "message"}},
      {"good frame then truncated frame", frame(hello) + header(100) + "{", {"message", "truncated"}},
      // 29-30: scalars that are valid ids
      {"string id", frame(R"({"id":"abc","type":"hello"})"), {"message"}},
      {"null id", frame(R"({"id":null,"type":"hello"})"), {"message"}},
      {"missing id is allowed (reply carries null)", frame(R"({"type":"hello"})"), {"message"}},
      // 31-34: hostile bodies (issue 11)
      {"NUL byte then trailing garbage", frame(hello + std::string("\0garbage", 8)) + frame(hello),
       {"bad_json", "message"}},
      {"NUL byte inside a string", frame(std::string("{\"id\":1,\"type\":\"he\0llo\"}", 24)), {"bad_json"}},
      // {, two commas between members, [ and n-1 commas: n + 3 values
      {"a million values is the limit", frame(zeros(999'997)), {"message"}},
      {"one value more is too_large, the next frame served", frame(zeros(999'998)) + frame(hello),
       {"too_large", "message"}},
  };
  for (const auto& r : table) {
    SUBCASE(r.name) {
      CHECK(run(r.bytes) == r.expected);
      CHECK(run(r.bytes, 7) == r.expected);
    }
  }
}

TEST_CASE("encoder writes the native-endian length before the payload") {
  const std::string out = encode_frame(hello);
  REQUIRE(out.size() == hello.size() + 4);
  std::uint32_t length = 0;
  std::memcpy(&length, out.data(), 4);
  CHECK(length == hello.size());
  CHECK(out.substr(4) == hello);
}

TEST_CASE("encoder refuses a payload over 1 MiB and accepts exactly 1 MiB") {
  CHECK_NOTHROW(encode_frame(std::string(max_outbound_bytes, 'a')));
  try {
    (void)encode_frame(std::string(max_outbound_bytes + 1, 'a'));
    FAIL("an oversize reply was encoded");
  } catch (const error& e) {
    CHECK(e.code() == errc::too_large);
  }
}

TEST_CASE("lengths count bytes, not characters") {
  const std::string accented = R"({"id":1,"type":"café"})";  // é is two bytes
  const std::string out = encode_frame(accented);
  std::uint32_t length = 0;
  std::memcpy(&length, out.data(), 4);
  CHECK(length == accented.size());
  CHECK(run(out) == std::vector<std::string>{"message"});
}
