#pragma once
// The read-only views of the ledger as the protocol gives them (stats.get,
// invitations.list; docs/PROTOCOL.md): the handlers read a request into these
// typed arguments, the CLI (`vigie stats`, `vigie list`) calls them directly,
// so both show the same numbers computed once.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "storage/invitations_repository.hpp"

namespace vigie::app {

using json = nlohmann::json;

// Folds filter.text by the search rule (domain::fold), the rule the stored
// texts were folded by when written; an empty text is no filter.
void prepare_text_search(storage::list_filter& filter);

// stats.get's result for one network (bad_request when it is unknown).
json stats_view(context& ctx, const std::string& network);

// A name or detail in a reply that lists many people, cut to
// bounds::max_summary_text bytes (at a character boundary, with "…") so no
// ledger or team can push the reply over 1 MiB; null for nothing.
json summary_text(const std::optional<std::string>& text);

// invitations.list's result {total, items, next_offset}: limit 1-1000,
// offset >= 0 (bad_request otherwise); items stop early, before the reply
// would pass the frame cap, and next_offset says where to go on.
json list_view(context& ctx, const storage::list_filter& filter);

}  // namespace vigie::app
