#pragma once
// Routes requests to handlers, one handler per message type. The only place
// where vigie::error (and any other exception) becomes an error reply.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/context.hpp"
#include "protocol/message.hpp"

namespace vigie::app {

using json = nlohmann::json;
using handler_fn = std::function<json(const protocol::request&, context&)>;

enum class access { read, write };

class dispatcher {
 public:
  explicit dispatcher(context& ctx) : ctx_(ctx) {}

  void add(std::string type, access mode, handler_fn handler);
  bool has(const std::string& type) const { return handlers_.count(type) != 0; }

  // One reply payload per input payload, in order. Writes in the batch share
  // one transaction (savepoints only when a failed write forces a replay) and
  // replies are built only after the commit: "ok" means on disk. Never throws.
  std::vector<std::string> handle_batch(const std::vector<std::string>& payloads);
  std::string handle(std::string_view payload);

  // For in-process callers (the CLI): runs one request without the JSON text
  // round trip, in its own transaction when it writes (in a savepoint when the
  // caller holds a transaction already), and lets vigie::error propagate to
  // the caller's single catch instead of building an error reply.
  json invoke(const std::string& type, json body);

  // The reply to a stream that lost sync.
  static std::string fatal_reply(const std::string& reason);

 private:
  struct entry {
    access mode;
    handler_fn fn;
  };
  struct pending {
    protocol::request req;
    const entry* target = nullptr;
    std::string reply;  // already final when target is null
    bool wrote = false;
  };
  // plain: no transaction (reads only); savepoint: inside the batch's
  // transaction, in its own savepoint; optimistic: inside the transaction
  // without a savepoint, returning false (and no reply) when a write fails.
  enum class run_mode { plain, savepoint, optimistic };
  pending prepare(std::string_view payload) const;
  bool run(pending& item, run_mode how);

  context& ctx_;
  std::unordered_map<std::string, entry> handlers_;
};

// Registers every handler of the host (handlers/registry.cpp).
void register_all_handlers(dispatcher& d);

}  // namespace vigie::app
