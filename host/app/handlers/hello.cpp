#include "app/handlers/handlers.hpp"

#include "common/version.hpp"

namespace vigie::app {

namespace {

json hello(const protocol::request&, context& ctx) {
  return json{{"host_version", host_version},
              {"protocol_version", protocol_version},
              {"schema_version", ctx.db.user_version()},
              {"data_dir", ctx.paths.data_dir.string()}};
}

}  // namespace

void register_hello_handlers(dispatcher& d) { d.add("hello", access::read, hello); }

}  // namespace vigie::app
