#pragma once
// Native-messaging framing: a 32-bit native-endian byte length, then that many
// bytes of UTF-8 JSON. Pure: bytes in, messages / need-more / errors out.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::protocol {

// Browsers send at most 64 MiB to a host and read at most 1 MiB from it.
inline constexpr std::size_t max_inbound_bytes = 64u * 1024u * 1024u;
inline constexpr std::size_t max_outbound_bytes = 1024u * 1024u;
inline constexpr std::size_t header_bytes = 4;

enum class decode_status {
  message,    // body holds one complete frame's payload
  need_more,  // feed more bytes
  error,      // see fatal / reason
};

struct decode_result {
  decode_status status = decode_status::need_more;
  std::string body;
  // For errors: fatal means the stream is out of sync (no way to find the next
  // frame); the caller replies once if it can, then stops reading.
  bool fatal = false;
  std::string reason;
};

class frame_decoder {
 public:
  void feed(const char* data, std::size_t size);
  void feed(std::string_view bytes) { feed(bytes.data(), bytes.size()); }
  decode_result next();
  // At EOF: true when a partial header or body is buffered (a truncated frame),
  // false when EOF fell cleanly between frames.
  bool mid_frame() const { return buffered() > 0; }
  std::size_t buffered() const { return buffer_.size() - offset_; }
  // The length the current header announces (valid once 4 bytes are buffered).
  std::uint32_t pending_length() const;

 private:
  void compact();
  std::string buffer_;
  std::size_t offset_ = 0;
  bool broken_ = false;
};

// Throws vigie::error(too_large) when the payload is over max_outbound_bytes:
// such a frame would make the browser drop the port.
std::string encode_frame(std::string_view payload);
void append_frame(std::string& out, std::string_view payload);

}  // namespace vigie::protocol
