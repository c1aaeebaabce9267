#include "domain/profile_key.hpp"

#include <vector>

#include "common/error.hpp"

namespace vigie::domain {

namespace {

struct url_parts {
  std::string host;               // lower-cased
  std::vector<std::string> path;  // raw (still percent-encoded) segments, empty ones dropped
};

[[noreturn]] void refuse(std::string_view url, std::string_view why) {
  throw error(errc::bad_request, "not a profile URL (" + std::string(why) + "): " + std::string(url));
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

url_parts split(std::string_view url) {
  std::string_view rest = url;
  // Pages hand us absolute URLs; a pasted "www.linkedin.com/in/x" has no scheme.
  if (const auto scheme = rest.find("://"); scheme != std::string_view::npos) {
    std::string s;
    for (char c : rest.substr(0, scheme)) s += lower(c);
    if (s != "https" && s != "http") refuse(url, "scheme");
    rest.remove_prefix(scheme + 3);
  } else if (rest.starts_with("//")) {
    rest.remove_prefix(2);
  }
  const auto end = rest.find_first_of("?#");
  if (end != std::string_view::npos) rest = rest.substr(0, end);
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (const auto colon = authority.find(':'); colon != std::string_view::npos) authority = authority.substr(0, colon);
  url_parts parts;
  for (char c : authority) parts.host += lower(c);
  if (!parts.host.empty() && parts.host.back() == '.') parts.host.pop_back();
  std::size_t i = 0;
  while (i < rest.size()) {
    const auto next = rest.find('/', i);
    const auto segment = rest.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i);
    if (!segment.empty()) parts.path.emplace_back(segment);
    if (next == std::string_view::npos) break;
    i = next + 1;
  }
  return parts;
}

bool host_is(const std::string& host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes then lower-cases ASCII. Non-ASCII letters keep their case:
// LinkedIn already serves slugs lower-cased, and folding Unicode case would
// need tables for no practical gain.
std::string slug_key(std::string_view url, std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%') {
      const int hi = i + 2 < raw.size() ? hex_value(raw[i + 1]) : -1;
      const int lo = i + 2 < raw.size() ? hex_value(raw[i + 2]) : -1;
      if (hi < 0 || lo < 0) refuse(url, "bad percent-encoding");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += raw[i];
    }
  }
  for (auto& c : out) c = lower(c);
  if (out.empty() || out.find('/') != std::string::npos || out.find('\0') != std::string::npos)
    refuse(url, "empty or malformed profile slug");
  return out;
}

}  // namespace

bool is_known_network(std::string_view network) noexcept { return network == "linkedin" || network == "viadeo"; }

std::string network_of_url(std::string_view url) {
  const auto parts = split(url);
  if (host_is(parts.host, "linkedin.com")) return "linkedin";
  if (host_is(parts.host, "viadeo.com")) return "viadeo";
  refuse(url, "not a LinkedIn or Viadeo address");
}

profile_key canonical_profile_key(std::string_view network, std::string_view url) {
  if (!is_known_network(network))
    throw error(errc::bad_request, "unknown network \"" + std::string(network) + "\" (linkedin or viadeo)");
  const auto parts = split(url);
  const auto& p = parts.path;
  if (network == "linkedin") {
    if (!host_is(parts.host, "linkedin.com")) refuse(url, "not a LinkedIn address");
    if (p.size() < 2 || p[0] != "in") refuse(url, "LinkedIn profiles are /in/<name>");
    return {"linkedin", slug_key(url, p[1])};
  }
  if (!host_is(parts.host, "viadeo.com")) refuse(url, "not a Viadeo address");
  // /<lang>/profile/<slug>, /profile/<slug> and the older /p/<slug>.
  if (p.size() >= 3 && p[0].size() == 2 && p[1] == "profile") return {"viadeo", slug_key(url, p[2])};
  if (p.size() >= 2 && (p[0] == "profile" || p[0] == "p")) return {"viadeo", slug_key(url, p[1])};
  refuse(url, "Viadeo profiles are /<lang>/profile/<name> or /p/<name>");
}

profile_key canonical_profile_key(std::string_view url) { return canonical_profile_key(network_of_url(url), url); }

std::string canonical_profile_url(const profile_key& key) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string slug;
  for (const unsigned char c : key.key) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      slug += static_cast<char>(c);
    } else {
      slug += '%';
      slug += hex[c >> 4];
      slug += hex[c & 15];
    }
  }
  if (key.network == "viadeo") return "https://www.viadeo.com/fr/profile/" + slug;
  return "https://www.linkedin.com/in/" + slug + "/";
}

}  // namespace vigie::domain
