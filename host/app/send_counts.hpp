#pragma once
// The numbers a user sees about their own sending (today, the rolling week,
// pending, the acceptance rate) are defined here once: invitation.check and
// stats.get both answer with counts_json, so the popup, the dialog, the
// dashboard and `vigie stats` cannot disagree.
#include <string>

#include <nlohmann/json.hpp>

#include "domain/limits.hpp"
#include "storage/database.hpp"

namespace vigie::app {

// What the ledger holds for `network` at `now`, in the windows check_send
// assumes (no person: the person-specific fields stay empty).
domain::send_history load_send_history(storage::database& db, const std::string& network, domain::millis now,
                                       const domain::limits_config& config);

// {today, daily_limit, week, weekly_limit, pending,
//  acceptance: {rate, accepted, decided, window}}
nlohmann::json counts_json(const domain::send_history& h, const domain::limits_config& config);

}  // namespace vigie::app
