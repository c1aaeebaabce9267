#pragma once
// People are identified by network + a canonical key taken from the profile
// URL, so the same person reached through "…/in/Jean-Dupont?trk=x" and
// "…/in/jean%2Ddupont/details/" is one row.
#include <string>
#include <string_view>

namespace vigie::domain {

struct profile_key {
  std::string network;  // "linkedin" | "viadeo"
  std::string key;      // percent-decoded, lower-cased slug
  bool operator==(const profile_key&) const = default;
};

bool is_known_network(std::string_view network) noexcept;

// The network whose host serves `url` ("linkedin" / "viadeo"); throws
// error(bad_request) for any other site.
std::string network_of_url(std::string_view url);

// Throws error(bad_request) when `url` is not a profile URL of `network`.
profile_key canonical_profile_key(std::string_view network, std::string_view url);

// network_of_url + canonical_profile_key.
profile_key canonical_profile_key(std::string_view url);

// The URL we show for a key (the key re-encoded where needed).
std::string canonical_profile_url(const profile_key& key);

}  // namespace vigie::domain
