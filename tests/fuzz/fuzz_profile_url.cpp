// Fuzzes the profile-URL parser (uriparser under WHATWG-style pre-processing).
// The contract: a key or vigie::error(bad_request), nothing else; an accepted
// URL's key is non-empty, holds no '/' or NUL, and its canonical URL parses
// back to the same key (so what is stored is what a browser would open).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/profile_key.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  std::printf("fuzz_profile_url: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // First byte: which entry point; the rest is the URL.
  const std::uint8_t mode = data[0];
  const std::string_view url(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const auto key = mode % 3 == 0   ? vigie::domain::canonical_profile_key(url)
                     : mode % 3 == 1 ? vigie::domain::canonical_profile_key("linkedin", url)
                                     : vigie::domain::canonical_profile_key("viadeo", url);
    if (key.key.empty() || key.key.find('/') != std::string::npos || key.key.find('\0') != std::string::npos)
      fail("accepted an empty or malformed key");
    if (!vigie::domain::is_known_network(key.network)) fail("accepted an unknown network");
    if (vigie::domain::canonical_profile_key(vigie::domain::canonical_profile_url(key)) != key)
      fail("the canonical URL does not parse back to the same key");
  } catch (const vigie::error& e) {
    if (e.code() != vigie::errc::bad_request) fail("an error other than bad_request");
  }
  return 0;
}
