#include "domain/profile_key.hpp"

#include <uriparser/Uri.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/error.hpp"

namespace vigie::domain {

namespace {

struct url_parts {
  std::string host;               // lower-cased
  std::vector<std::string> path;  // raw (still percent-encoded) segments, empty ones dropped
};

[[noreturn]] void refuse(std::string_view url, std::string_view why) {
  // The URL is quoted for the user, cut so a hostile one cannot make the error huge.
  constexpr std::size_t shown = 200;
  throw error(errc::bad_request, "not a profile URL (" + std::string(why) + "): " +
                                     std::string(url.substr(0, shown)) + (url.size() > shown ? "..." : ""));
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) out += lower(c);
  return out;
}

std::string_view range(const UriTextRangeA& r) {
  if (r.first == nullptr || r.afterLast == nullptr) return {};
  return {r.first, static_cast<std::size_t>(r.afterLast - r.first)};
}

class parsed_uri {
 public:
  explicit parsed_uri(const std::string& text) {
    const char* error_pos = nullptr;
    ok_ = uriParseSingleUriA(&uri_, text.c_str(), &error_pos) == URI_SUCCESS;
  }
  ~parsed_uri() { uriFreeUriMembersA(&uri_); }
  parsed_uri(const parsed_uri&) = delete;
  parsed_uri& operator=(const parsed_uri&) = delete;
  bool ok() const { return ok_; }
  const UriUriA& get() const { return uri_; }

 private:
  UriUriA uri_{};
  bool ok_ = false;
};

// What a browser does before parsing a URL of a special scheme (WHATWG URL
// Standard): leading and trailing C0 controls and spaces dropped, tabs and
// newlines removed anywhere, and "\" read as "/". Doing the same here means
// "https://evil.example\@www.linkedin.com/in/x/" is seen as the browser sees
// it: a path on evil.example.
std::string as_a_browser_reads_it(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  // Then what a browser percent-encodes when it opens the URL: non-ASCII
  // bytes, controls, and the characters RFC 3986 does not allow raw. (In the
  // host they become a '%', which split() refuses: no IDN look-alikes.)
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size() + 8);
  for (const char c : url) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || b < 0x20 || b == 0x7F || std::string_view(" \"<>`{}|^").find(c) != std::string_view::npos) {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    } else {
      out += c == '\\' ? '/' : c;
    }
  }
  // Pages hand us absolute URLs; a pasted "www.linkedin.com/in/x" has no scheme.
  std::size_t i = 0;
  while (i < out.size() && (std::isalnum(static_cast<unsigned char>(out[i])) || out[i] == '+' || out[i] == '-' ||
                            out[i] == '.'))
    ++i;
  const bool has_scheme = i > 0 && i < out.size() && out[i] == ':' && std::isalpha(static_cast<unsigned char>(out[0])) &&
                          !(i + 1 < out.size() && std::isdigit(static_cast<unsigned char>(out[i + 1])));
  if (has_scheme) return out;
  return (out.starts_with("//") ? "https:" : "https://") + out;
}

// An RFC 3986 parse (uriparser) of what the browser would open, held to what
// a profile link is: http(s), a registered host name (no IP, no userinfo, no
// percent-encoding), no port other than the scheme's own.
url_parts split(std::string_view url) {
  const auto text = as_a_browser_reads_it(url);
  if (text.find('\0') != std::string::npos) refuse(url, "NUL byte");
  const parsed_uri parsed(text);
  if (!parsed.ok()) refuse(url, "not a valid URL");
  const auto& u = parsed.get();
  const auto scheme = lowered(range(u.scheme));
  if (scheme != "https" && scheme != "http") refuse(url, "scheme");
  if (u.userInfo.first != nullptr) refuse(url, "user name or password in the address");
  if (u.hostData.ip4 != nullptr || u.hostData.ip6 != nullptr || u.hostData.ipFuture.first != nullptr)
    refuse(url, "an IP address is not LinkedIn or Viadeo");
  if (const auto port = range(u.portText); !port.empty() && !(scheme == "https" ? port == "443" : port == "80"))
    refuse(url, "port");
  url_parts parts;
  parts.host = lowered(range(u.hostText));
  if (parts.host.find('%') != std::string::npos) refuse(url, "percent-encoded host");
  if (!parts.host.empty() && parts.host.back() == '.') parts.host.pop_back();
  for (const auto* seg = u.pathHead; seg != nullptr; seg = seg->next) {
    const auto segment = range(seg->text);
    if (segment.empty()) continue;
    // A browser resolves dot segments (also %2e); a profile link has none.
    const auto folded = lowered(segment);
    if (folded == "." || folded == ".." || folded == "%2e" || folded == "%2e%2e" || folded == ".%2e" ||
        folded == "%2e.")
      refuse(url, "dot segment in the path");
    parts.path.emplace_back(segment);
  }
  return parts;
}

bool host_is(const std::string& host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.';
}

constexpr std::string_view journaldunet_host = "viadeo.journaldunet.com";

bool is_viadeo_host(const std::string& host) { return host_is(host, "viadeo.com") || host == journaldunet_host; }

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
  out = lowered(out);
  // No slug holds a '/', a space or a control character.
  const bool malformed = std::any_of(out.begin(), out.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return c == '/' || b <= 0x20 || b == 0x7F;
  });
  if (out.empty() || malformed) refuse(url, "empty or malformed profile slug");
  return out;
}

}  // namespace

bool is_known_network(std::string_view network) noexcept { return network == "linkedin" || network == "viadeo"; }

std::string network_of_url(std::string_view url) {
  const auto parts = split(url);
  if (host_is(parts.host, "linkedin.com")) return "linkedin";
  if (is_viadeo_host(parts.host)) return "viadeo";
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
  if (!is_viadeo_host(parts.host)) refuse(url, "not a Viadeo address");
  // Viadeo now serves profiles at viadeo.journaldunet.com/p/<slug>-<id>.
  if (parts.host == journaldunet_host) {
    if (p.size() >= 2 && p[0] == "p") return {"viadeo", slug_key(url, p[1])};
    refuse(url, "Viadeo profiles are /p/<name>-<id>");
  }
  // www.viadeo.com: /<lang>/profile/<slug>, /profile/<slug> and the older /p/<slug>.
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
  if (key.network == "viadeo") return "https://" + std::string(journaldunet_host) + "/p/" + slug;
  return "https://www.linkedin.com/in/" + slug + "/";
}

}  // namespace vigie::domain
