#include "app/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <optional>

#include "protocol/frame_codec.hpp"
#include "storage/database.hpp"

namespace vigie::app {

void dispatcher::add(std::string type, access mode, handler_fn handler) {
  handlers_[std::move(type)] = entry{mode, std::move(handler)};
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
    return true;
  } catch (const error& e) {
    // Optimistic pass: a failed write may have left half its rows behind;
    // the caller rolls the whole batch back and replays it with savepoints
    // (that pass logs and answers).
    if (how == run_mode::optimistic && writes) return false;
    if (e.code() == errc::internal || e.code() == errc::storage_error)
      spdlog::error("{} failed: {}: {}", item.req.type, to_string(e.code()), e.what());
    else
      // Not the message: it quotes the request (a profile URL, a name), and logs keep no personal data.
      spdlog::debug("{} refused: {}", item.req.type, to_string(e.code()));
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
  // Requests are parsed one at a time and give up their bodies once
  // answered, so a batch of hundreds holds one parsed request, not all.
  std::vector<pending> items(payloads.size());
  std::optional<storage::transaction> tx;
  std::string begin_error;
  std::size_t tx_from = payloads.size();  // first request run inside the transaction
  auto begin = [&](std::size_t at) {
    try {
      tx.emplace(ctx_.db);
      tx_from = at;
    } catch (const std::exception& e) {
      begin_error = e.what();
      spdlog::error("cannot start a transaction: {}", begin_error);
    }
  };

  // A write that fails must roll back only its own rows, which takes a
  // savepoint per request. Savepoints cost as much as a small event, and
  // nearly every batch succeeds, so a batch of several requests first runs
  // without them; if a write fails, the transaction is rolled back (nothing
  // has been answered yet) and what ran inside it is replayed with a
  // savepoint per request. Handlers only depend on the database, the request
  // and the clock, so the replay does the same work. Reads that came before
  // the first write ran outside the transaction and keep their answers.
  bool optimistic = payloads.size() > 1;
  auto run_one = [&](std::size_t i) {
    auto& item = items[i];
    if (!item.target) return true;
    const bool write = item.target->mode == access::write;
    if (write && !tx && begin_error.empty()) begin(i);
    if (write && !begin_error.empty()) {
      item.reply = protocol::error_reply(item.req.id, errc::storage_error, begin_error);
      return true;
    }
    const bool done = run(item, !tx ? run_mode::plain : optimistic ? run_mode::optimistic : run_mode::savepoint);
    if (done) item.req.body = json();  // answered: only the id is needed from now on
    return done;
  };
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    items[i] = prepare(payloads[i]);
    if (run_one(i)) continue;
    // The optimistic pass failed: roll back, and replay with savepoints.
    tx.reset();  // ROLLBACK
    // The settings snapshot may hold values written by the rolled-back pass.
    ctx_.settings_changed();
    optimistic = false;
    const std::size_t from = tx_from;
    tx_from = payloads.size();
    for (std::size_t j = from; j <= i; ++j) {
      items[j] = prepare(payloads[j]);
      run_one(j);
    }
  }
  if (tx) {
    try {
      tx->commit();
    } catch (const std::exception& e) {
      ctx_.settings_changed();
      std::size_t turned = 0;
      for (auto& item : items) {
        if (!item.wrote) continue;
        item.reply = protocol::error_reply(item.req.id, errc::storage_error, e.what());
        ++turned;
      }
      spdlog::error("commit failed, {} write replies turned into errors: {}", turned, e.what());
    }
  }
  if (ctx_.erased) {
    // Before the replies go out: an ok to person.forget means no copy is left.
    ctx_.erased = false;
    tx.reset();
    if (!ctx_.db.erase_traces()) spdlog::warn("erase: the WAL is in use by another process; truncated later");
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
  if (ctx_.db.in_transaction()) {
    // Inside the caller's transaction (an import sent in batches): a refused
    // call takes back its own writes only, and the caller decides the rest.
    storage::savepoint sp(ctx_.db);
    json result = it->second.fn(req, ctx_);
    sp.release();
    return result;
  }
  storage::transaction tx(ctx_.db);
  json result = it->second.fn(req, ctx_);
  tx.commit();
  return result;
}

std::string dispatcher::fatal_reply(const std::string& reason) {
  return protocol::error_reply(nullptr, errc::too_large, reason);
}

}  // namespace vigie::app
