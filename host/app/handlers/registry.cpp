#include "app/handlers/handlers.hpp"

namespace vigie::app {

void register_all_handlers(dispatcher& d) {
  register_hello_handlers(d);
  register_ledger_handlers(d);
  register_assessment_handlers(d);
  register_team_handlers(d);
}

}  // namespace vigie::app
