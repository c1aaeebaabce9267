// The dispatcher: routing, the one place errors become replies, batching in
// one transaction with a savepoint per request.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/dispatcher.hpp"
#include "common/error.hpp"
#include "protocol/frame_codec.hpp"
#include "storage/migrations.hpp"

using namespace vigie;
using json = nlohmann::json;

namespace {

struct fixture {
  storage::database db{":memory:"};
  domain::fixed_clock clock{1'700'000'000'000};
  app::context ctx{db, clock, paths{"/tmp/data", "/tmp/logs", "/tmp/config"}, caller{}};
  app::dispatcher d{ctx};

  fixture() {
    db.exec("CREATE TABLE t(v TEXT NOT NULL)");
    d.add("echo", app::access::read, [](const protocol::request& r, app::context&) { return r.body; });
    d.add("put", app::access::write, [](const protocol::request& r, app::context& c) {
      c.db.prepare("INSERT INTO t(v) VALUES(?)").bind(1, r.body.at("v").get<std::string>()).run();
      if (r.body.value("fail_after_write", false)) throw error(errc::bad_request, "refused after writing");
      return json{{"rows", c.db.changes()}};
    });
    d.add("boom", app::access::read, [](const protocol::request&, app::context&) -> json {
      throw std::runtime_error("unexpected");
    });
    d.add("big", app::access::read, [](const protocol::request&, app::context&) {
      return json{{"blob", std::string(protocol::max_outbound_bytes, 'x')}};
    });
  }
  std::int64_t rows() {
    auto& st = db.prepare("SELECT count(*) FROM t");
    st.step();
    return st.column_int(0);
  }
};

json reply(const std::string& text) { return json::parse(text); }

}  // namespace

TEST_CASE("dispatcher echoes the request id with the handler's result") {
  fixture f;
  SUBCASE("number id") {
    auto r = reply(f.d.handle(R"({"id":7,"type":"echo","x":1})"));
    CHECK(r["id"] == 7);
    CHECK(r["ok"] == true);
    CHECK(r["result"]["x"] == 1);
  }
  SUBCASE("string id") { CHECK(reply(f.d.handle(R"({"id":"a-1","type":"echo"})"))["id"] == "a-1"); }
  SUBCASE("no id gives null") { CHECK(reply(f.d.handle(R"({"type":"echo"})"))["id"].is_null()); }
}

TEST_CASE("dispatcher turns every failure into an error reply with a stable code") {
  fixture f;
  struct row {
    const char* name;
    std::string request;
    const char* code;
    json id;
  };
  const std::vector<row> table = {
      {"unknown type", R"({"id":1,"type":"nope"})", "unknown_type", 1},
      {"invalid JSON", R"({"id":1,"type":)", "bad_json", nullptr},
      {"not an object", R"([1,2,3])", "bad_request", nullptr},
      {"missing type keeps the id", R"({"id":5})", "bad_request", 5},
      {"handler error code passes through", R"({"id":2,"type":"put","v":"a","fail_after_write":true})",
       "bad_request", 2},
      {"unexpected exception is internal", R"({"id":3,"type":"boom"})", "internal", 3},
      {"reply over 1 MiB is too_large", R"({"id":4,"type":"big"})", "too_large", 4},
  };
  for (const auto& r : table) {
    SUBCASE(r.name) {
      auto out = reply(f.d.handle(r.request));
      CHECK(out["ok"] == false);
      CHECK(out["error"]["code"] == r.code);
      CHECK(out["error"]["message"].get<std::string>().size() > 0);
      CHECK(out["id"] == r.id);
    }
  }
}

TEST_CASE("a failing request in a batch rolls back only its own writes") {
  fixture f;
  auto replies = f.d.handle_batch({R"({"id":1,"type":"put","v":"a"})",
                                   R"({"id":2,"type":"put","v":"b","fail_after_write":true})",
                                   R"({"id":3,"type":"put","v":"c"})", R"(garbage)"});
  REQUIRE(replies.size() == 4);
  CHECK(reply(replies[0])["ok"] == true);
  CHECK(reply(replies[1])["ok"] == false);
  CHECK(reply(replies[2])["ok"] == true);
  CHECK(reply(replies[3])["error"]["code"] == "bad_json");
  CHECK(f.rows() == 2);
  CHECK_FALSE(f.db.in_transaction());
}

TEST_CASE("replies come back in request order") {
  fixture f;
  std::vector<std::string> batch;
  for (int i = 0; i < 100; ++i) batch.push_back(json{{"id", i}, {"type", i % 2 ? "echo" : "put"}, {"v", "x"}}.dump());
  auto replies = f.d.handle_batch(batch);
  REQUIRE(replies.size() == 100);
  for (int i = 0; i < 100; ++i) CHECK(reply(replies[i])["id"] == i);
  CHECK(f.rows() == 50);
}

TEST_CASE("a batch whose commit fails answers storage_error for its writes") {
  fixture f;
  // A deferred foreign-key violation only fails at COMMIT.
  f.db.exec("CREATE TABLE parent(id INTEGER PRIMARY KEY);"
            "CREATE TABLE child(p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)");
  f.d.add("orphan", app::access::write, [](const protocol::request&, app::context& c) {
    c.db.exec("INSERT INTO child(p) VALUES(42)");
    return json::object();
  });
  auto replies = f.d.handle_batch({R"({"id":1,"type":"orphan"})", R"({"id":2,"type":"echo"})"});
  CHECK(reply(replies[0])["error"]["code"] == "storage_error");
  CHECK(reply(replies[1])["ok"] == true);  // reads are still true answers
  CHECK_FALSE(f.db.in_transaction());
}

TEST_CASE("the out-of-sync reply has a null id and the too_large code") {
  auto r = reply(app::dispatcher::fatal_reply("frame length 4294967295 exceeds the 64 MiB limit"));
  CHECK(r["id"].is_null());
  CHECK(r["error"]["code"] == "too_large");
}

TEST_CASE("every host handler is registered under its protocol name") {
  storage::database db(":memory:");
  storage::migrate(db);
  domain::fixed_clock clock{0};
  app::context ctx{db, clock, paths{}, caller{}};
  app::dispatcher d(ctx);
  app::register_all_handlers(d);
  CHECK(d.has("hello"));
  auto r = reply(d.handle(R"({"id":1,"type":"hello"})"));
  CHECK(r["result"]["protocol_version"] == 1);
  CHECK(r["result"]["schema_version"] == storage::latest_schema_version());
}

TEST_CASE("a batch replayed after a failure keeps the writes before and after it, once") {
  fixture f;
  auto replies = f.d.handle_batch({R"({"id":1,"type":"put","v":"a"})", R"({"id":2,"type":"echo","x":1})",
                                   R"({"id":3,"type":"put","v":"b","fail_after_write":true})",
                                   R"({"id":4,"type":"put","v":"c"})", R"({"id":5,"type":"nope"})"});
  REQUIRE(replies.size() == 5);
  CHECK(reply(replies[0])["ok"] == true);
  CHECK(reply(replies[1])["result"]["x"] == 1);
  CHECK(reply(replies[2])["error"]["code"] == "bad_request");
  CHECK(reply(replies[3])["ok"] == true);
  CHECK(reply(replies[4])["error"]["code"] == "unknown_type");
  CHECK(f.rows() == 2);  // a and c, each once; b rolled back
  CHECK_FALSE(f.db.in_transaction());
  // A batch of writes that all succeed is committed as a whole.
  replies = f.d.handle_batch({R"({"id":6,"type":"put","v":"d"})", R"({"id":7,"type":"put","v":"e"})"});
  CHECK(reply(replies[1])["ok"] == true);
  CHECK(f.rows() == 4);
}

TEST_CASE("reads in a batch see the writes before them, before and after a replay") {
  fixture f;
  f.d.add("count", app::access::read, [](const protocol::request&, app::context& c) {
    auto& st = c.db.prepare("SELECT count(*) FROM t");
    st.step();
    const auto n = st.column_int(0);
    st.reset();
    return json{{"n", n}};
  });
  struct row {
    const char* name;
    std::vector<std::string> batch;
    std::vector<int> counts;  // the n of each "count" reply, in order
    std::int64_t rows;
  };
  const std::vector<row> rows = {
      {"no failure",
       {R"({"id":1,"type":"count"})", R"({"id":2,"type":"put","v":"a"})", R"({"id":3,"type":"count"})",
        R"({"id":4,"type":"put","v":"b"})", R"({"id":5,"type":"count"})"},
       {0, 1, 2}, 2},
      {"a failing write replayed",
       {R"({"id":1,"type":"count"})", R"({"id":2,"type":"put","v":"a"})", R"({"id":3,"type":"count"})",
        R"({"id":4,"type":"put","v":"b","fail_after_write":true})", R"({"id":5,"type":"count"})",
        R"({"id":6,"type":"put","v":"c"})", R"({"id":7,"type":"count"})"},
       {0, 1, 1, 2}, 2},
  };
  for (const auto& r : rows) {
    SUBCASE(r.name) {
      const auto replies = f.d.handle_batch(r.batch);
      REQUIRE(replies.size() == r.batch.size());
      std::vector<int> counts;
      for (const auto& text : replies) {
        const auto out = reply(text);
        if (out["ok"] == true && out["result"].contains("n")) counts.push_back(out["result"]["n"].get<int>());
      }
      CHECK(counts == r.counts);
      CHECK(f.rows() == r.rows);
      CHECK_FALSE(f.db.in_transaction());
    }
  }
}
