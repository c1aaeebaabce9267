// The pre-send rules, each pinned at its boundary (pure: counts in, verdict out).
#include <doctest/doctest.h>

#include <algorithm>

#include "domain/limits.hpp"
#include "ledger_fixture.hpp"

using namespace vigie::domain;

namespace {

const check_reason* reason(const check_result& r, const std::string& code) {
  const auto it = std::find_if(r.reasons.begin(), r.reasons.end(), [&](const auto& x) { return x.code == code; });
  return it == r.reasons.end() ? nullptr : &*it;
}

std::string repeat(const std::string& unit, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += unit;
  return s;
}

constexpr millis now = 1'790'000'000'000;

}  // namespace

TEST_CASE("daily limit: the 16th send of 20 is a caution, the 20th still, the 21st a stop") {
  struct row { std::int64_t sent_before; verdict expected; bool listed; };
  const row rows[] = {{14, verdict::ok, false}, {15, verdict::caution, true}, {19, verdict::caution, true},
                      {20, verdict::stop, true}};
  limits_config c;
  c.daily_limit = 20;
  for (const auto& r : rows) {
    CAPTURE(r.sent_before);
    send_history h;
    h.today = r.sent_before;
    h.week = r.sent_before;
    c.weekly_limit = 1000;
    const auto out = check_send(h, c, "", now);
    CHECK(out.overall == r.expected);
    const auto* d = reason(out, "daily_limit");
    CHECK((d != nullptr) == r.listed);
    if (d) {
      CHECK(d->value == doctest::Approx(static_cast<double>(r.sent_before + 1)));
      CHECK(*d->limit == doctest::Approx(20));
    }
  }
}

TEST_CASE("weekly limit follows the same caution ratio and stop rule") {
  struct row { std::int64_t week; verdict expected; };
  const row rows[] = {{78, verdict::ok}, {79, verdict::caution}, {99, verdict::caution}, {100, verdict::stop}};
  for (const auto& r : rows) {
    CAPTURE(r.week);
    send_history h;
    h.week = r.week;
    CHECK(check_send(h, limits_config{}, "", now).overall == r.expected);
  }
}

TEST_CASE("the caution ratio is configurable") {
  CHECK(caution_threshold(20, 0.8) == 16);
  CHECK(caution_threshold(100, 0.8) == 80);
  CHECK(caution_threshold(20, 0.5) == 10);
  CHECK(caution_threshold(7, 0.8) == 6);
}

TEST_CASE("note length is counted in characters: 200/201 free, 300/301 premium, accents count once") {
  struct row { std::int64_t max; int chars; bool stop; };
  const row rows[] = {{200, 200, false}, {200, 201, true}, {300, 300, false}, {300, 301, true}};
  for (const auto& r : rows) {
    for (const std::string unit : {"a", "\xC3\xA9"}) {  // "é" is two bytes, one character
      CAPTURE(r.chars);
      CAPTURE(unit.size());
      limits_config c;
      c.note_max = r.max;
      c.note_allowance.reset();
      const auto out = check_send(send_history{}, c, repeat(unit, r.chars), now);
      CHECK((reason(out, "note_too_long") != nullptr) == r.stop);
      CHECK((out.overall == verdict::stop) == r.stop);
    }
  }
  CHECK(count_code_points("Très bien, à bientôt") == 20);
}

TEST_CASE("free accounts get a caution past their monthly personalised-note allowance") {
  limits_config c;  // allowance 5
  send_history h;
  h.notes_this_month = 4;
  CHECK(reason(check_send(h, c, "Bonjour", now), "note_allowance") == nullptr);
  h.notes_this_month = 5;
  CHECK(reason(check_send(h, c, "Bonjour", now), "note_allowance") != nullptr);
  CHECK(reason(check_send(h, c, "", now), "note_allowance") == nullptr);  // no note, nothing used
  c.note_allowance.reset();                                              // Premium
  CHECK(reason(check_send(h, c, "Bonjour", now), "note_allowance") == nullptr);
}

TEST_CASE("low acceptance counts only once 20 invitations are decided") {
  struct row { std::int64_t decided, accepted; bool caution; };
  const row rows[] = {{19, 0, false}, {20, 5, true}, {20, 6, false}, {50, 14, true}, {50, 15, false}};
  for (const auto& r : rows) {
    CAPTURE(r.decided);
    CAPTURE(r.accepted);
    send_history h;
    h.decided = r.decided;
    h.accepted = r.accepted;
    const auto out = check_send(h, limits_config{}, "", now);
    CHECK((reason(out, "low_acceptance") != nullptr) == r.caution);
    CHECK(*acceptance_rate(h) == doctest::Approx(static_cast<double>(r.accepted) / static_cast<double>(r.decided)));
  }
  CHECK_FALSE(acceptance_rate(send_history{}).has_value());
}

TEST_CASE("more than 500 pending invitations is a caution") {
  send_history h;
  h.pending = 500;
  CHECK(reason(check_send(h, limits_config{}, "", now), "too_many_pending") == nullptr);
  h.pending = 501;
  const auto out = check_send(h, limits_config{}, "", now);
  CHECK(reason(out, "too_many_pending") != nullptr);
  CHECK(out.overall == verdict::caution);
}

TEST_CASE("an invitation already pending to the person is a stop") {
  send_history h;
  h.pending_to_person = true;
  const auto out = check_send(h, limits_config{}, "", now);
  CHECK(out.overall == verdict::stop);
  CHECK(reason(out, "duplicate_pending") != nullptr);
}

TEST_CASE("re-inviting is stopped 20 days after a withdrawal and allowed at 21, with the date") {
  vigie::testing::scoped_tz tz("UTC");
  const millis withdrawn = parse_iso8601("2026-11-01T10:00:00Z");
  send_history h;
  h.withdrawn_at = withdrawn;
  const auto at20 = check_send(h, limits_config{}, "", withdrawn + 20 * ms_per_day);
  REQUIRE(reason(at20, "reinvite_too_soon") != nullptr);
  CHECK(at20.overall == verdict::stop);
  CHECK(reason(at20, "reinvite_too_soon")->message.find("2026-11-22") != std::string::npos);
  CHECK(reason(at20, "reinvite_too_soon")->value == doctest::Approx(20));
  CHECK(reason(check_send(h, limits_config{}, "", withdrawn + 21 * ms_per_day - 1), "reinvite_too_soon") != nullptr);
  const auto at21 = check_send(h, limits_config{}, "", withdrawn + 21 * ms_per_day);
  CHECK(reason(at21, "reinvite_too_soon") == nullptr);
  CHECK(at21.overall == verdict::ok);
}

TEST_CASE("the connection cap stops only when the user's count is known") {
  limits_config c;
  CHECK(reason(check_send(send_history{}, c, "", now), "connection_cap") == nullptr);
  c.own_connections = 29'999;
  CHECK(reason(check_send(send_history{}, c, "", now), "connection_cap") == nullptr);
  c.own_connections = 30'000;
  CHECK(check_send(send_history{}, c, "", now).overall == verdict::stop);
  c.connection_cap.reset();  // Viadeo: no published cap
  CHECK(reason(check_send(send_history{}, c, "", now), "connection_cap") == nullptr);
}

TEST_CASE("every applicable reason is reported and the verdict is the worst") {
  send_history h;
  h.today = 16;
  h.pending = 600;
  h.pending_to_person = true;
  const auto out = check_send(h, limits_config{}, "", now);
  CHECK(out.reasons.size() == 3);
  CHECK(out.overall == verdict::stop);
}

TEST_CASE("team reasons: each weighs what the team set, and names the teammate and since when") {
  send_history h;
  h.team.pending = team_signal{"Léa", now - 3 * ms_per_day};
  h.team.connected = team_signal{"Tom", now - 40 * ms_per_day};
  h.team.fake = team_signal{"Zoé", now - ms_per_day};
  limits_config c;
  SUBCASE("the server's defaults: pending and connected caution, fake stop") {
    const auto r = check_send(h, c, "", now);
    CHECK(r.overall == verdict::stop);
    REQUIRE(reason(r, "team_pending"));
    CHECK(reason(r, "team_pending")->level == verdict::caution);
    CHECK(reason(r, "team_pending")->who == "Léa");
    CHECK(*reason(r, "team_pending")->since == now - 3 * ms_per_day);
    CHECK(reason(r, "team_pending")->value == 3);
    CHECK(reason(r, "team_connected")->level == verdict::caution);
    CHECK(reason(r, "team_fake")->level == verdict::stop);
    CHECK(reason(r, "team_fake")->who == "Zoé");
  }
  SUBCASE("a team that sets pending to stop and fake to caution") {
    c.team.pending = verdict::stop;
    c.team.fake = verdict::caution;
    const auto r = check_send(h, c, "", now);
    CHECK(reason(r, "team_pending")->level == verdict::stop);
    CHECK(reason(r, "team_fake")->level == verdict::caution);
  }
  SUBCASE("outside a team, nothing") {
    const auto r = check_send(send_history{}, c, "", now);
    CHECK_FALSE(reason(r, "team_pending"));
    CHECK_FALSE(reason(r, "team_fake"));
  }
}

TEST_CASE("a teammate's withdrawal counts within the re-invite window, not after") {
  struct row { millis ago; bool listed; };
  const row rows[] = {{0, true}, {20 * ms_per_day, true}, {21 * ms_per_day - 1, true}, {21 * ms_per_day, false},
                      {90 * ms_per_day, false}};
  for (const auto& r : rows) {
    CAPTURE(r.ago);
    send_history h;
    h.team.withdrawn = team_signal{"Léa", now - r.ago};
    const auto result = check_send(h, limits_config{}, "", now);
    CHECK((reason(result, "team_recent_withdrawal") != nullptr) == r.listed);
    if (r.listed) {
      CHECK(reason(result, "team_recent_withdrawal")->level == verdict::stop);
      CHECK(reason(result, "team_recent_withdrawal")->limit == 21);
    }
  }
}
