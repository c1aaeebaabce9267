// bench/team: the pre-send check of a team member, on a ledger bench/ledger
// filled (1,000,000 invitations), before and after adding 1,000,000 rows of
// the team's data (1,000 teammates) and the membership: the team reasons are
// index probes of the local copy, so the check must stay <= 1 ms.
// usage: team_check_bench <database filled by ledger_bench> [team rows]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/dispatcher.hpp"
#include "domain/clock.hpp"
#include "domain/keyed_hash.hpp"
#include "storage/migrations.hpp"

using namespace vigie;
using clk = std::chrono::steady_clock;

namespace {

std::uint64_t state = 2463534242ull;
std::uint64_t next() {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

double median_ms(app::dispatcher& d, const std::string& request, int runs, const char* must_contain) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = clk::now();
    const auto reply = d.handle(request);
    times.push_back(std::chrono::duration<double, std::milli>(clk::now() - t0).count());
    if (reply.find("\"ok\":true") == std::string::npos || (must_contain && reply.find(must_contain) == std::string::npos)) {
      std::fprintf(stderr, "unexpected reply: %s\n", reply.substr(0, 400).c_str());
      std::exit(1);
    }
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

double measure(const char* path, domain::millis now, const std::string& request, const char* must_contain) {
  storage::open_options host_like;
  host_like.cache_kib = storage::host_cache_kib;
  storage::database db(path, host_like);
  domain::fixed_clock clock(now);
  app::context ctx{db, clock, paths{}, caller{}};
  app::dispatcher d(ctx);
  app::register_all_handlers(d);
  median_ms(d, request, 5, must_contain);
  return median_ms(d, request, 200, must_contain);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <database> [team rows]\n", argv[0]);
    return 2;
  }
  const int rows = argc > 2 ? std::atoi(argv[2]) : 1'000'000;
  const domain::millis now = domain::parse_iso8601("2026-11-21T12:00:00Z");
  const domain::millis day = 86'400'000;
  const std::string check =
      R"({"id":1,"type":"invitation.check","network":"linkedin","profile_url":"https://www.linkedin.com/in/person-4242/","note":"Bonjour"})";
  {
    storage::database db(argv[1]);
    storage::migrate(db);
  }
  std::printf("invitation.check, no team: median %.3f ms over 200 runs\n", measure(argv[1], now, check, nullptr));

  const std::string secret(64, 'c');
  const auto t0 = clk::now();
  {
    storage::database db(argv[1]);
    db.exec("PRAGMA synchronous=OFF; PRAGMA cache_size=-400000");
    storage::transaction tx(db);
    auto& m = db.prepare(
        "INSERT INTO team_membership(id, conninfo, member_id, display_name, secret, joined_at) "
        "VALUES (1, 'host=/nowhere', 'self', 'Me', ?1, ?2)");
    m.bind(1, secret).bind(2, now);
    m.run();
    auto& member = db.prepare("INSERT INTO team_members(member_id, display_name, show_figures) VALUES (?1, ?2, 1)");
    for (int i = 0; i < 1000; ++i) {
      member.reset();
      member.bind(1, "member-" + std::to_string(i)).bind(2, "Rep " + std::to_string(i));
      member.run();
    }
    auto& inv = db.prepare(
        "INSERT INTO team_invitations(member_id, local_id, key_hash, network, direction, status, created_at, "
        "decided_at) VALUES (?1, ?2, ?3, 'linkedin', ?4, ?5, ?6, ?7)");
    for (int i = 0; i < rows; ++i) {
      // person-4242 is among them: a teammate's pending invitation, the reason the check must find.
      const auto person = i == 0 ? 4242 : static_cast<int>(next() % 400'000) + 1;
      const int roll = static_cast<int>(next() % 100);
      const char* status = i == 0 ? "pending" : roll < 30 ? "pending" : roll < 70 ? "accepted" : roll < 85 ? "withdrawn" : "expired";
      const auto created = now - static_cast<domain::millis>(next() % (3650ull * static_cast<std::uint64_t>(day)));
      inv.reset();
      inv.bind(1, "member-" + std::to_string(i % 1000)).bind(2, i);
      inv.bind(3, domain::team_person_hash(secret, "linkedin", "person-" + std::to_string(person)));
      inv.bind(4, next() % 2 ? "sent" : "received").bind(5, status).bind(6, created);
      if (std::string(status) == "pending") inv.bind_null(7); else inv.bind(7, created + day);
      inv.run();
    }
    tx.commit();
    db.exec("ANALYZE; PRAGMA synchronous=NORMAL");
  }
  std::printf("fill: %d team rows in %.1f s\n", rows, std::chrono::duration<double>(clk::now() - t0).count());
  std::printf("invitation.check, 1,000,000 local + %d team rows: median %.3f ms over 200 runs (target <= 1 ms)\n", rows,
              measure(argv[1], now, check, "team_pending"));
  return 0;
}
