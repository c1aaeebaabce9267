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

TEST_CASE("the canonical URL of a key parses back to the same key") {
  for (const auto* url : {"https://www.linkedin.com/in/j%C3%A9r%C3%B4me/", "https://www.viadeo.com/p/marie.curie"}) {
    const auto key = canonical_profile_key(url);
    CHECK(canonical_profile_key(canonical_profile_url(key)) == key);
  }
}
