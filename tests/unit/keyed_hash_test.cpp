// domain/keyed_hash: SHA-256 and HMAC-SHA-256 on the published vectors, and
// the team's person hash: one per person and team, different across teams.
#include <doctest/doctest.h>

#include <string>

#include "domain/keyed_hash.hpp"

using namespace vigie::domain;

TEST_CASE("SHA-256 gives the FIPS 180-4 example digests, across block boundaries") {
  struct row { std::string input; const char* hex; };
  const row rows[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1'000'000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.input.size());
    CHECK(to_hex(sha256(r.input)) == r.hex);
  }
}

TEST_CASE("HMAC-SHA-256 gives the RFC 4231 test cases, short and long keys") {
  struct row { std::string key, data; const char* hex; };
  const row rows[] = {
      {std::string(20, '\x0b'), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {std::string(20, '\xaa'), std::string(50, '\xdd'),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.data);
    CHECK(to_hex(hmac_sha256(r.key, r.data)) == r.hex);
  }
}

TEST_CASE("a person's team hash depends on the team secret, the network and the key, and hides the key") {
  const std::string a(64, 'a'), b(64, 'b');
  const auto h = team_person_hash(a, "linkedin", "jean-dupont");
  CHECK(h.size() == 64);
  CHECK(is_team_secret(h));
  CHECK(h == team_person_hash(a, "linkedin", "jean-dupont"));
  CHECK(h != team_person_hash(b, "linkedin", "jean-dupont"));
  CHECK(h != team_person_hash(a, "viadeo", "jean-dupont"));
  CHECK(h != team_person_hash(a, "linkedin", "jean-dupont2"));
  CHECK(h.find("jean") == std::string::npos);
}

TEST_CASE("a team secret is 64 lowercase hex digits") {
  CHECK(is_team_secret(std::string(64, 'f')));
  CHECK_FALSE(is_team_secret(std::string(63, 'f')));
  CHECK_FALSE(is_team_secret(std::string(64, 'F')));
  CHECK_FALSE(is_team_secret(std::string(64, 'g')));
}
