#include "app/send_counts.hpp"

#include "storage/invitations_repository.hpp"

namespace vigie::app {

domain::send_history load_send_history(storage::database& db, const std::string& network, domain::millis now,
                                       const domain::limits_config& config) {
  storage::invitations_repository invitations(db);
  domain::send_history h;
  h.today = invitations.count_sent_from(network, domain::local_day_start(now));
  h.week = invitations.count_sent_after(network, domain::rolling_week_start(now));
  h.notes_this_month = invitations.count_notes_from(network, domain::local_month_start(now));
  h.pending = invitations.count_status(network, "sent", "pending");
  std::tie(h.decided, h.accepted) = invitations.recent_decisions(network, config.low_acceptance_window);
  return h;
}

nlohmann::json counts_json(const domain::send_history& h, const domain::limits_config& config) {
  const auto rate = domain::acceptance_rate(h);
  // `window` travels with the rate so every screen can say what it is measured over.
  return {{"today", h.today},
          {"daily_limit", config.daily_limit},
          {"week", h.week},
          {"weekly_limit", config.weekly_limit},
          {"pending", h.pending},
          {"acceptance",
           {{"rate", rate ? nlohmann::json(*rate) : nlohmann::json(nullptr)},
            {"accepted", h.accepted},
            {"decided", h.decided},
            {"window", config.low_acceptance_window}}}};
}

}  // namespace vigie::app
