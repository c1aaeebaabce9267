// team.view: the dashboard's team section (docs/PROTOCOL.md), read from the
// local copy of the team's data the sync keeps. The rules are the domain's
// (what is decided, a rate, a local day); storage gives rows.
#include <algorithm>
#include <map>

#include "app/handlers/handlers.hpp"
#include "app/handlers/ledger_common.hpp"
#include "app/ledger_views.hpp"
#include "domain/ledger.hpp"
#include "domain/stats.hpp"
#include "storage/team_repository.hpp"
#include "storage/team_view_repository.hpp"

namespace vigie::app {

namespace {

constexpr int volume_days = 30;
constexpr int overlaps_max = 200;
// Names per overlap; the rest is a count ("and 12 others"): a person all
// 1,000 members contacted must not fill the reply.
constexpr std::size_t overlap_names_max = 10;

struct figures {
  std::string name;
  bool shown = true, self = false;
  std::int64_t sent = 0, accepted = 0, decided = 0;
};

json volume(storage::team_view_repository& view, domain::millis now) {
  const auto days = domain::local_day_starts(now, volume_days);
  const auto per_day = domain::bucket_by_day(days, view.sent_since(days.front()), now);
  json out = json::array();
  for (std::size_t i = 0; i < days.size(); ++i) out.push_back({{"day", domain::local_date(days[i])}, {"sent", per_day[i]}});
  return out;
}

json team_view(const protocol::request&, context& ctx) {
  const auto membership = storage::team_repository(ctx.db).membership();
  if (!membership) return json{{"in_team", false}};
  storage::team_view_repository view(ctx.db);

  // Every member the team lists, and the user as the membership row says.
  std::map<std::string, figures> members;
  for (const auto& m : view.members()) members[m.member_id] = {m.display_name, m.show_figures};
  members[membership->member_id] = {membership->display_name, membership->show_figures, true};
  for (const auto& c : view.sent_by_status()) {
    const auto it = members.find(c.member_id);
    if (it == members.end()) continue;
    auto& f = it->second;
    f.sent += c.count;
    const auto status = domain::status_from_string(c.status);
    if (status == domain::invitation_status::accepted) f.accepted += c.count;
    if (status && domain::is_decided(*status)) f.decided += c.count;
  }
  std::vector<const figures*> shown;
  std::int64_t hidden = 0;
  for (const auto& [id, f] : members) {
    if (f.shown) shown.push_back(&f);
    else ++hidden;
  }
  std::stable_sort(shown.begin(), shown.end(), [](const figures* a, const figures* b) { return a->sent > b->sent; });
  json rows = json::array();
  for (const auto* f : shown) {
    const auto rate = domain::rate(f->accepted, f->decided);
    rows.push_back({{"name", summary_text(f->name)},
                    {"self", f->self},
                    {"sent", f->sent},
                    {"decided", f->decided},
                    {"accepted", f->accepted},
                    {"rate", rate ? json(*rate) : json(nullptr)}});
  }

  const auto found = view.overlaps(overlaps_max);
  json overlaps = json::array();
  for (const auto& o : found) {
    json who = json::array();
    for (const auto& id : o.member_ids) {
      if (who.size() == overlap_names_max) break;
      const auto it = members.find(id);
      who.push_back(summary_text(it == members.end() ? id : it->second.name));
    }
    const auto others = static_cast<std::int64_t>(o.member_ids.size()) - static_cast<std::int64_t>(who.size());
    json name = nullptr;
    // Shared in clear, else the user's own person with that hash (team_people, which the sync keeps: a
    // person first seen since the last sync is named after the next one).
    if (o.name) name = summary_text(o.name);
    else if (const auto own = view.own_name(o.key_hash)) name = summary_text(own);
    overlaps.push_back({{"name", std::move(name)}, {"members", std::move(who)}, {"others", others}, {"last_at", o.last_at}});
  }

  return json{{"in_team", true},
              {"member",
               {{"display_name", membership->display_name},
                {"show_figures", membership->show_figures},
                {"last_push_at", timestamp(membership->last_push_at)},
                {"last_pull_at", timestamp(membership->last_pull_at)},
                {"last_error", membership->last_error ? json(*membership->last_error) : json(nullptr)},
                {"outbox", storage::team_repository(ctx.db).outbox_size()}}},
              {"volume", volume(view, ctx.clock.now())},
              {"members", std::move(rows)},
              {"hidden", hidden},
              {"overlaps", std::move(overlaps)}};
}

}  // namespace

void register_team_handlers(dispatcher& d) { d.add("team.view", access::read, team_view); }

}  // namespace vigie::app
