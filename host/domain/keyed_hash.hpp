#pragma once
// The keyed hash a team shares instead of whom its members invite
// (docs/TEAM.md, "What is shared"): HMAC-SHA-256 under the team secret. The
// host computes it at check time and must stay free of a crypto library's
// start-up cost, hence SHA-256 here (FIPS 180-4, HMAC per RFC 2104), pinned by
// the NIST and RFC 4231 vectors in keyed_hash_test.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::domain {

using sha256_digest = std::array<std::uint8_t, 32>;

sha256_digest sha256(std::string_view data);
sha256_digest hmac_sha256(std::string_view key, std::string_view message);
std::string to_hex(const sha256_digest& digest);

// A team secret is 32 random bytes written as 64 lowercase hex digits.
bool is_team_secret(std::string_view hex) noexcept;

// The hash that stands for one person in a team: network and canonical
// profile key under the team secret (hex as given at join), as hex.
std::string team_person_hash(std::string_view secret_hex, std::string_view network, std::string_view profile_key);

}  // namespace vigie::domain
