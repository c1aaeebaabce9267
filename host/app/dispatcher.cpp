#include "app/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

#include "app/settings_json.hpp"
#include "protocol/frame_codec.hpp"
#include "storage/database.hpp"

namespace vigie::app {

void dispatcher::add(std::string type, access mode, handler_fn handler) {
  handlers_[std::move(type)] = entry{mode, std::move(handler)};
}

std::vector<std::string> dispatcher::types() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : handlers_) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

dispatcher::pending dispatcher::prepare(std::string_view payload) const {
  pending item;
  json object;
  try {
    object = protocol::parse_object(payload);
  } catch (const error& e) {
    item.reply = protocol::error_reply(nullptr, e.code(), e.what());
    return item;
  }
  const json id = protocol::extract_id(object);
  try {
    item.req = protocol::to_request(std::move(object));
  } catch (const error& e) {
    item.req.id = id;  // the oversize guard in handle_batch needs it
    item.reply = protocol::error_reply(id, e.code(), e.what());
    return item;
  }
  const auto it = handlers_.find(item.req.type);
  if (it == handlers_.end()) {
    // Quote at most 200 bytes of the name: a hostile 16 MiB type must not make the reply oversize.
    item.reply = protocol::error_reply(item.req.id, errc::unknown_type,
                                       "unknown message type \"" + item.req.type.substr(0, 200) + "\"");
    return item;
  }
  item.target = &it->second;
  return item;
}

namespace {

// {"id":…,"ok":true,"result":…} without copying the result into a wrapper
// object (nlohmann orders keys alphabetically, so the bytes are the same as
// dumping {"id", "ok", "result"}).
std::string ok_reply_text(const json& id, const json& result) {
  std::string out = "{\"id\":";
  out += protocol::dump(id);
  out += ",\"ok\":true,\"result\":";
  out += protocol::dump(result);
  out += '}';
  return out;
}

}  // namespace

bool dispatcher::run(pending& item, run_mode how) {
  const auto& id = item.req.id;
  const bool writes = item.target->mode == access::write;
  std::optional<storage::savepoint> sp;
  try {
    if (how == run_mode::savepoint) sp.emplace(ctx_.db);
    json result = item.target->fn(item.req, ctx_);
    std::string reply = ok_reply_text(id, result);
    if (reply.size() > protocol::max_outbound_bytes)
      throw error(errc::too_large, "the reply would be " + std::to_string(reply.size()) +
                                       " bytes, over the 1 MiB frame limit: ask for a smaller page (limit/offset)");
    if (sp) sp->release();
    item.reply = std::move(reply);
    item.wrote = writes;
    item.req.body = json();  // a batch holds hundreds of requests: keep only the ids
    return true;
  } catch (const error& e) {
    // Optimistic pass: a failed write may have left half its rows behind;
    // the caller rolls the whole batch back and replays it with savepoints
    // (that pass logs and answers).
    if (how == run_mode::optimistic && writes) return false;
    if (e.code() == errc::internal || e.code() == errc::storage_error)
      spdlog::error("{} failed: {}: {}", item.req.type, to_string(e.code()), e.what());
    else
      spdlog::debug("{} refused: {}: {}", item.req.type, to_string(e.code()), e.what());
    item.reply = protocol::error_reply(id, e.code(), e.what());
  } catch (const std::exception& e) {
    if (how == run_mode::optimistic && writes) return false;
    spdlog::error("{} crashed: {}", item.req.type, e.what());
    item.reply = protocol::error_reply(id, errc::internal, std::string("internal error: ") + e.what());
  }
  item.wrote = false;
  return true;
}

std::vector<std::string> dispatcher::handle_batch(const std::vector<std::string>& payloads) {
  std::vector<pending> items;
  items.reserve(payloads.size());
  std::size_t writes = 0;
  for (const auto& payload : payloads) {
    items.push_back(prepare(payload));
    if (items.back().target && items.back().target->mode == access::write) ++writes;
  }

  std::optional<storage::transaction> tx;
  std::string begin_error;
  auto begin = [&] {
    try {
      tx.emplace(ctx_.db);
    } catch (const std::exception& e) {
      begin_error = e.what();
      spdlog::error("cannot start a transaction: {}", begin_error);
    }
  };
  if (writes > 0) begin();

  // A write that fails must roll back only its own rows, which takes a
  // savepoint per request. Savepoints cost as much as a small event, and
  // nearly every batch succeeds, so a batch of several writes first runs
  // without them; if any write fails, the whole transaction is rolled back
  // (nothing has been answered yet) and the batch is replayed with a
  // savepoint per request. Handlers only depend on the database, the request
  // and the clock, so the replay does the same work.
  const bool optimistic = tx.has_value() && writes > 1;
  bool replay = false;
  if (optimistic) {
    for (auto& item : items) {
      if (!item.target) continue;
      if (!run(item, run_mode::optimistic)) {
        replay = true;
        break;
      }
    }
    if (replay) {
      tx.reset();  // ROLLBACK
      // The settings cache may hold values written by the rolled-back pass.
      invalidate_settings(ctx_.db);
      // Requests already run gave up their bodies: parse the batch again.
      for (std::size_t i = 0; i < items.size(); ++i) items[i] = prepare(payloads[i]);
      begin();
    }
  }
  if (!optimistic || replay) {
    for (auto& item : items) {
      if (!item.target) continue;
      if (!begin_error.empty() && item.target->mode == access::write) {
        item.reply = protocol::error_reply(item.req.id, errc::storage_error, begin_error);
        continue;
      }
      run(item, tx ? run_mode::savepoint : run_mode::plain);
    }
  }
  if (tx) {
    try {
      tx->commit();
    } catch (const std::exception& e) {
      spdlog::error("commit failed, {} replies turned into errors: {}", items.size(), e.what());
      invalidate_settings(ctx_.db);
      for (auto& item : items)
        if (item.wrote) item.reply = protocol::error_reply(item.req.id, errc::storage_error, e.what());
    }
  }

  std::vector<std::string> replies;
  replies.reserve(items.size());
  for (auto& item : items) {
    // Last guard for "one reply per request": any reply over the frame limit
    // (a huge echoed id, a long error text) would be dropped by the transport,
    // leaving the extension waiting. Answer too_large instead, with the id
    // only when the id itself is small.
    if (item.reply.size() > protocol::max_outbound_bytes) {
      const json id = protocol::dump(item.req.id).size() <= 1024 ? item.req.id : json(nullptr);
      item.reply = protocol::error_reply(id, errc::too_large,
                                         "the reply would be " + std::to_string(item.reply.size()) +
                                             " bytes, over the 1 MiB frame limit");
    }
    replies.push_back(std::move(item.reply));
  }
  return replies;
}

std::string dispatcher::handle(std::string_view payload) {
  return handle_batch({std::string(payload)}).front();
}

json dispatcher::invoke(const std::string& type, json body) {
  const auto it = handlers_.find(type);
  if (it == handlers_.end()) throw error(errc::unknown_type, "unknown message type \"" + type + "\"");
  protocol::request req;
  req.id = nullptr;
  req.type = type;
  req.body = std::move(body);
  if (it->second.mode == access::read) return it->second.fn(req, ctx_);
  storage::transaction tx(ctx_.db);
  json result = it->second.fn(req, ctx_);
  tx.commit();
  return result;
}

std::string dispatcher::fatal_reply(const std::string& reason) {
  return protocol::error_reply(nullptr, errc::too_large, reason);
}

}  // namespace vigie::app
