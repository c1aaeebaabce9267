#include "protocol/frame_codec.hpp"

#include <cstring>

#include "common/error.hpp"

namespace vigie::protocol {

void frame_decoder::feed(const char* data, std::size_t size) {
  if (broken_ || size == 0) return;  // after a fatal error nothing more is read
  compact();
  buffer_.append(data, size);
}

std::uint32_t frame_decoder::pending_length() const {
  std::uint32_t length = 0;
  if (buffered() >= header_bytes) std::memcpy(&length, buffer_.data() + offset_, header_bytes);
  return length;  // native byte order, as the browser writes it
}

decode_result frame_decoder::next() {
  decode_result result;
  if (broken_) {
    result.status = decode_status::error;
    result.fatal = true;
    result.reason = "stream out of sync after an earlier fatal error";
    return result;
  }
  if (buffered() < header_bytes) return result;
  const std::uint32_t length = pending_length();
  // Refuse before allocating: a hostile or corrupt header must not make us
  // reserve gigabytes.
  if (length > max_inbound_bytes) {
    broken_ = true;
    buffer_.clear();
    offset_ = 0;
    result.status = decode_status::error;
    result.fatal = true;
    result.reason = "frame length " + std::to_string(length) + " exceeds the 64 MiB limit";
    return result;
  }
  if (buffered() - header_bytes < length) return result;
  result.status = decode_status::message;
  result.body.assign(buffer_, offset_ + header_bytes, length);
  offset_ += header_bytes + length;
  return result;
}

void frame_decoder::compact() {
  if (offset_ == 0) return;
  if (offset_ == buffer_.size()) {
    buffer_.clear();
    offset_ = 0;
  } else if (offset_ >= buffer_.size() - offset_) {
    // Dropping the consumed prefix moves at most as many bytes as it frees
    // (amortised O(1) per byte), and keeps the buffer near one read's size
    // instead of growing by doubling while a long stream is being served.
    buffer_.erase(0, offset_);
    offset_ = 0;
  }
}

void append_frame(std::string& out, std::string_view payload) {
  if (payload.size() > max_outbound_bytes)
    throw error(errc::too_large, "reply of " + std::to_string(payload.size()) + " bytes exceeds the 1 MiB frame limit");
  const auto length = static_cast<std::uint32_t>(payload.size());
  char header[header_bytes];
  std::memcpy(header, &length, header_bytes);
  out.append(header, header_bytes);
  out.append(payload);
}

std::string encode_frame(std::string_view payload) {
  std::string out;
  out.reserve(payload.size() + header_bytes);
  append_frame(out, payload);
  return out;
}

}  // namespace vigie::protocol
