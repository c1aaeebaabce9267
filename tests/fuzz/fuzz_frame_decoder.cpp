// Fuzzes the native-messaging frame decoder with arbitrary bytes, fed in
// arbitrary chunks (a pipe may split a frame anywhere). Besides "no crash, no
// leak", it checks the decoder's contract:
//  - every decoded message re-encodes to exactly the bytes it consumed, so the
//    decoder neither skips nor invents bytes;
//  - an announced length over 64 MiB is a fatal error, and after it nothing
//    more is decoded (the stream is out of sync);
//  - at the end, buffered() is exactly what was fed and not consumed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "protocol/frame_codec.hpp"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    __builtin_printf("fuzz_frame_decoder: invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigie::protocol;
  if (size == 0) return 0;
  // The first byte picks the chunk size, so the same stream is also tried
  // split at every kind of boundary (1 byte at a time, header split, ...).
  const std::size_t chunk = 1 + data[0] % 64;
  const std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);

  frame_decoder decoder;
  std::size_t fed = 0, consumed = 0;
  bool fatal = false;
  while (fed < stream.size() && !fatal) {
    const std::size_t n = std::min(chunk, stream.size() - fed);
    decoder.feed(stream.substr(fed, n));
    fed += n;
    for (;;) {
      auto result = decoder.next();
      if (result.status == decode_status::need_more) break;
      if (result.status == decode_status::error) {
        check(result.fatal, "a decoder error must be fatal");
        std::uint32_t length = 0;
        std::memcpy(&length, stream.data() + consumed, header_bytes);
        check(length > max_inbound_bytes, "fatal error on an acceptable length");
        fatal = true;
        break;
      }
      check(result.body.size() <= max_inbound_bytes, "body over the inbound limit");
      check(consumed + header_bytes + result.body.size() <= fed, "decoded more than was fed");
      const std::string_view original = stream.substr(consumed, header_bytes + result.body.size());
      std::string again;
      if (result.body.size() <= max_outbound_bytes) {
        again = encode_frame(result.body);
        check(again == original, "decoded frame does not re-encode to its bytes");
      }
      consumed += header_bytes + result.body.size();
    }
  }
  if (fatal) {
    decoder.feed(stream);  // ignored once broken
    check(decoder.next().status == decode_status::error, "a broken decoder must stay broken");
  } else {
    check(decoder.buffered() == fed - consumed, "buffered() disagrees with bytes fed minus consumed");
    check(decoder.mid_frame() == (fed != consumed), "mid_frame() wrong");
  }
  return 0;
}
