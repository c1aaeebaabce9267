#pragma once
// One registration function per message family; registry.cpp calls them all.
#include "app/dispatcher.hpp"

namespace vigie::app {

void register_hello_handlers(dispatcher& d);
void register_ledger_handlers(dispatcher& d);
void register_assessment_handlers(dispatcher& d);
void register_team_handlers(dispatcher& d);

}  // namespace vigie::app
