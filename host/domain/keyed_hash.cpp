#include "domain/keyed_hash.hpp"

#include <cstring>

namespace vigie::domain {

namespace {

constexpr std::uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

struct sha256_state {
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::uint8_t block[64] = {};
  std::size_t used = 0;
  std::uint64_t total = 0;

  void compress() {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
      w[i] = (std::uint32_t{block[4 * i]} << 24) | (std::uint32_t{block[4 * i + 1]} << 16) |
             (std::uint32_t{block[4 * i + 2]} << 8) | std::uint32_t{block[4 * i + 3]};
    for (int i = 16; i < 64; ++i) {
      const auto s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const auto s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    auto a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      const auto s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const auto ch = (e & f) ^ (~e & g);
      const auto t1 = hh + s1 + ch + k[i] + w[i];
      const auto s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const auto maj = (a & b) ^ (a & c) ^ (b & c);
      const auto t2 = s0 + maj;
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }

  void update(std::string_view data) {
    total += data.size();
    for (const char ch : data) {
      block[used++] = static_cast<std::uint8_t>(ch);
      if (used == 64) { compress(); used = 0; }
    }
  }

  sha256_digest finish() {
    const std::uint64_t bits = total * 8;
    block[used++] = 0x80;
    if (used > 56) {
      while (used < 64) block[used++] = 0;
      compress();
      used = 0;
    }
    while (used < 56) block[used++] = 0;
    for (int i = 7; i >= 0; --i) block[used++] = static_cast<std::uint8_t>(bits >> (8 * i));
    compress();
    sha256_digest out{};
    for (int i = 0; i < 8; ++i)
      for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<std::uint8_t>(h[i] >> (24 - 8 * j));
    return out;
  }
};

std::string bytes_of_hex(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  return out;
}

}  // namespace

sha256_digest sha256(std::string_view data) {
  sha256_state s;
  s.update(data);
  return s.finish();
}

sha256_digest hmac_sha256(std::string_view key, std::string_view message) {
  std::string k0(64, '\0');
  if (key.size() > 64) {
    const auto d = sha256(key);
    std::memcpy(k0.data(), d.data(), d.size());
  } else {
    std::memcpy(k0.data(), key.data(), key.size());
  }
  std::string ipad(k0), opad(k0);
  for (auto& c : ipad) c = static_cast<char>(c ^ 0x36);
  for (auto& c : opad) c = static_cast<char>(c ^ 0x5c);
  sha256_state inner;
  inner.update(ipad);
  inner.update(message);
  const auto ih = inner.finish();
  sha256_state outer;
  outer.update(opad);
  outer.update(std::string_view(reinterpret_cast<const char*>(ih.data()), ih.size()));
  return outer.finish();
}

std::string to_hex(const sha256_digest& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const auto b : digest) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

bool is_team_secret(std::string_view hex) noexcept {
  if (hex.size() != 64) return false;
  for (const char c : hex)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string team_person_hash(std::string_view secret_hex, std::string_view network, std::string_view profile_key) {
  std::string message;
  message.reserve(network.size() + 1 + profile_key.size());
  message.append(network).push_back('\n');
  message.append(profile_key);
  return to_hex(hmac_sha256(bytes_of_hex(secret_hex), message));
}

}  // namespace vigie::domain
