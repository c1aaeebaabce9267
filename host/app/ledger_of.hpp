#pragma once
// The domain ledger of a handler context: its database and clock, assessing
// with the shipped note model and the context's lexicons.
#include "app/context.hpp"
#include "domain/ledger.hpp"

namespace vigie::app {

// Cheap to make (references and two small functions): make one where it is needed.
domain::ledger ledger_of(context& ctx);

}  // namespace vigie::app
