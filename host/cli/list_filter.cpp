#include "cli/list_filter.hpp"

#include "app/ledger_views.hpp"
#include "cli/format.hpp"

namespace vigie::cli {

void list_filter::add_options(CLI::App* cmd) {
  cmd->add_option("--direction", direction, "sent or received")->check(CLI::IsMember({"sent", "received"}));
  cmd->add_option("--status", status, "pending, accepted, withdrawn, expired or ignored")
      ->check(CLI::IsMember({"pending", "accepted", "withdrawn", "expired", "ignored"}));
  cmd->add_option("--network", network, "linkedin or viadeo")->check(CLI::IsMember({"linkedin", "viadeo"}));
  cmd->add_option("--since", since, "created at or after, ISO 8601 (2026-01-31 or 2026-01-31T08:00), local time");
  cmd->add_option("--until", until, "created before, ISO 8601, local time");
  cmd->add_option("--text", text, "words to find in the name, headline, title or note");
}

storage::list_filter list_filter::to_filter() const {
  storage::list_filter f;
  if (!direction.empty()) f.direction = direction;
  if (!status.empty()) f.status = status;
  if (!network.empty()) f.network = network;
  if (!since.empty()) f.since = parse_user_time(since);
  if (!until.empty()) f.until = parse_user_time(until);
  if (!text.empty()) f.text = text;
  app::prepare_text_search(f);
  return f;
}

}  // namespace vigie::cli
