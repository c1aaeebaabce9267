#include "app/handlers/handlers.hpp"

namespace vigie::app {

void register_all_handlers(dispatcher& d) {
  register_hello_handlers(d);
}

}  // namespace vigie::app
