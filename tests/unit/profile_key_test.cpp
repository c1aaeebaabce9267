// Canonical profile keys: one person however the URL is written.
#include <doctest/doctest.h>

#include "common/error.hpp"
#include "domain/profile_key.hpp"

using namespace vigie;
using namespace vigie::domain;

TEST_CASE("LinkedIn profile URLs reduce to the decoded, lower-cased slug") {
  struct row { const char* url; const char* key; };
  const row rows[] = {
      {"https://www.linkedin.com/in/jean-dupont/", "jean-dupont"},
      {"https://www.linkedin.com/in/Jean-Dupont", "jean-dupont"},
      {"https://fr.linkedin.com/in/jean-dupont?trk=people", "jean-dupont"},
      {"http://linkedin.com/in/jean-dupont/details/experience/#x", "jean-dupont"},
      {"https://www.linkedin.com/in/j%C3%A9r%C3%B4me-b%C3%A9ranger-12ab/", "j\xC3\xA9r\xC3\xB4me-b\xC3\xA9ranger-12ab"},
      {"www.linkedin.com/in/JEAN%2DDUPONT", "jean-dupont"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.url);
    CHECK(canonical_profile_key("linkedin", r.url).key == r.key);
    CHECK(network_of_url(r.url) == "linkedin");
  }
}

TEST_CASE("Viadeo profile URLs of both forms give the same key") {
  struct row { const char* url; const char* key; };
  const row rows[] = {
      {"https://www.viadeo.com/fr/profile/marie.curie", "marie.curie"},
      {"https://www.viadeo.com/en/profile/Marie.Curie/", "marie.curie"},
      {"http://viadeo.com/p/marie.curie?x=1", "marie.curie"},
      {"https://fr.viadeo.com/profile/marie.curie", "marie.curie"},
      {"https://viadeo.journaldunet.com/p/marie-curie-1234567", "marie-curie-1234567"},
      {"https://Viadeo.JournalDuNet.com/p/Marie-Curie-1234567/?ref=x#top", "marie-curie-1234567"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.url);
    CHECK(canonical_profile_key("viadeo", r.url) == profile_key{"viadeo", r.key});
  }
}

TEST_CASE("URLs of another site or not naming a profile are bad requests") {
  struct row { const char* network; const char* url; };
  const row rows[] = {
      {"linkedin", "https://www.linkedin.com/company/acme/"},
      {"linkedin", "https://www.linkedin.com/in/"},
      {"linkedin", "https://evil-linkedin.com/in/jean/"},
      {"linkedin", "https://www.linkedin.com.evil.org/in/jean/"},
      {"linkedin", "https://www.viadeo.com/fr/profile/jean"},
      {"viadeo", "https://www.linkedin.com/in/jean/"},
      {"viadeo", "https://www.viadeo.com/fr/company/acme"},
      {"linkedin", "ftp://www.linkedin.com/in/jean/"},
      {"linkedin", "https://www.linkedin.com/in/bad%zzescape/"},
      {"facebook", "https://www.linkedin.com/in/jean/"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.url);
    CHECK_THROWS_AS(canonical_profile_key(r.network, r.url), vigie::error);
  }
  CHECK_THROWS_AS(network_of_url("https://example.org/in/jean"), vigie::error);
}

TEST_CASE("a URL is judged as a browser would open it (WHATWG rules on \\, @, userinfo, ports)") {
  struct row { const char* url; const char* why; };
  const row refused[] = {
      {"https://evil.com\\@www.linkedin.com/in/x/", "a browser reads \\ as /: host evil.com"},
      {"https://evil.com\\\\www.linkedin.com/in/x/", "backslashes as the path"},
      {"https://www.linkedin.com@evil.com/in/x/", "userinfo: the host is evil.com"},
      {"https://user:pw@www.linkedin.com/in/x/", "credentials in a profile link"},
      {"https://www.linkedin.com:8443/in/x/", "another port is another server"},
      {"https://www.linkedin.com:0/in/x/", "port 0"},
      {"https://www.linked%69n.com/in/x/", "percent-encoded host"},
      {"https://127.0.0.1/in/x/", "an IP address"},
      {"https://[::1]/in/x/", "an IPv6 address"},
      {"https://www.linkedin.com/x/../in/x/", "a dot segment: the path is not the one shown"},
      {"https://www.linkedin.com/in/%2e%2e/", "an encoded dot segment"},
      {"javascript:alert(1)//www.linkedin.com/in/x/", "javascript scheme"},
      {"data:text/html,www.linkedin.com/in/x/", "data scheme"},
      {"https://www.linkedin.com/in/a b/", "a space is not valid in a URL"},
      {"https://www.linkedin.com/in/x\x01y/", "a control character inside"},
      {"https://www.linkedin.com/in/%00x/", "an encoded NUL"},
      {"https://www.linkedin.com.\\.evil.example/in/x/", "dotted look-alike"},
      {"https://viadeo.journaldunet.com/fr/profile/x", "journaldunet serves profiles at /p/ only"},
      {"https://journaldunet.com/p/x-1", "not the Viadeo host"},
      {"https://www.linked\xC4\xB1n.com/in/x/", "a non-ASCII look-alike host (dotless i)"},
  };
  for (const auto& r : refused) {
    CAPTURE(r.url);
    CAPTURE(r.why);
    CHECK_THROWS_AS(canonical_profile_key(r.url), vigie::error);
  }
  struct kept { const char* url; const char* key; };
  const kept accepted[] = {
      {"https://www.linkedin.com\\in\\jean\\", "jean"},  // a browser opens /in/jean/
      {"  https://www.linkedin.com/in/jean/\n", "jean"},   // trimmed, as a browser does
      {"https://www.linkedin.com:443/in/jean/", "jean"},
      {"http://www.linkedin.com:80/in/jean/", "jean"},
      {"HTTPS://WWW.LINKEDIN.COM/in/jean", "jean"},
      {"https://www.linkedin.com./in/jean", "jean"},
      {"//www.linkedin.com/in/jean", "jean"},
      {"www.linkedin.com:443/in/jean", "jean"},
      {"https://www.linkedin.com/in/j\xC3\xA9r\xC3\xB4me/", "j\xC3\xA9r\xC3\xB4me"},  // raw UTF-8: encoded as a browser does
  };
  for (const auto& r : accepted) {
    CAPTURE(r.url);
    CHECK(canonical_profile_key(r.url) == profile_key{"linkedin", r.key});
  }
}

TEST_CASE("the canonical URL of a key parses back to the same key") {
  for (const auto* url : {"https://www.linkedin.com/in/j%C3%A9r%C3%B4me/", "https://www.viadeo.com/p/marie.curie",
                          "https://viadeo.journaldunet.com/p/marie-curie-1234567"}) {
    const auto key = canonical_profile_key(url);
    CHECK(canonical_profile_key(canonical_profile_url(key)) == key);
  }
}
