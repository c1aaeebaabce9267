#include "cli/team_server.hpp"

#include <libpq-fe.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace vigie::cli {

using json = nlohmann::json;

namespace {

// The server's schema, one entry per version, applied in order under an
// advisory lock (two admins running `team init` at once apply each once).
// Every change anyone pushes takes the next number of vigie.changes, and a
// member pulls what is above its cursor. Pushes take one transaction-level
// advisory lock so that numbers become visible in order: a reader can never
// see 12 committed while 11 is still to come, and skip 11 for ever.
struct server_migration {
  int version;
  const char* description;
  const char* sql;
};

const server_migration server_migrations[] = {
    {1, "members, shared invitations and verdicts, team settings, change numbers", R"sql(
CREATE TABLE vigie.settings(
  key text PRIMARY KEY,
  value text NOT NULL
);
CREATE SEQUENCE vigie.changes AS bigint;
CREATE TABLE vigie.members(
  member_id text PRIMARY KEY CHECK (member_id ~ '^[0-9a-f]{32}$'),
  display_name text NOT NULL CHECK (length(display_name) <= 200),
  show_figures boolean NOT NULL DEFAULT true,
  joined_at timestamptz NOT NULL DEFAULT now(),
  left_at timestamptz,
  seq bigint NOT NULL
);
CREATE INDEX members_seq ON vigie.members(seq);
CREATE TABLE vigie.invitations(
  member_id text NOT NULL REFERENCES vigie.members(member_id),
  local_id bigint NOT NULL,
  version bigint NOT NULL,
  seq bigint NOT NULL,
  erased boolean NOT NULL DEFAULT false,
  key_hash text CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  network text,
  direction text CHECK (direction IN ('sent', 'received')),
  status text CHECK (status IN ('pending', 'accepted', 'withdrawn', 'expired', 'ignored')),
  created_at bigint,
  decided_at bigint,
  name text CHECK (length(name) <= 1024),
  note text CHECK (length(note) <= 16384),
  PRIMARY KEY (member_id, local_id),
  CHECK (erased OR (key_hash IS NOT NULL AND network IS NOT NULL AND direction IS NOT NULL
                    AND status IS NOT NULL AND created_at IS NOT NULL))
);
CREATE INDEX invitations_seq ON vigie.invitations(seq);
CREATE TABLE vigie.verdicts(
  member_id text NOT NULL REFERENCES vigie.members(member_id),
  person_ref bigint NOT NULL,
  version bigint NOT NULL,
  seq bigint NOT NULL,
  erased boolean NOT NULL DEFAULT false,
  key_hash text CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  verdict text CHECK (verdict IN ('fake', 'trusted')),
  at bigint,
  PRIMARY KEY (member_id, person_ref),
  CHECK (erased OR (key_hash IS NOT NULL AND verdict IS NOT NULL AND at IS NOT NULL))
);
CREATE INDEX verdicts_seq ON vigie.verdicts(seq);
)sql"},
};

// The lock numbers: 'V','I','G','1' and '2' as bytes.
constexpr const char* migrate_lock = "SELECT pg_advisory_xact_lock(1447642929)";
constexpr const char* change_lock = "SELECT pg_advisory_xact_lock(1447642930)";

class result {
 public:
  explicit result(PGresult* r) : r_(r) {}
  ~result() { PQclear(r_); }
  result(const result&) = delete;
  result& operator=(const result&) = delete;
  result(result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  int rows() const { return PQntuples(r_); }
  bool null(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
  std::string text(int row, int col) const { return PQgetvalue(r_, row, col); }
  std::optional<std::string> opt_text(int row, int col) const {
    return null(row, col) ? std::nullopt : std::optional<std::string>(text(row, col));
  }
  std::int64_t integer(int row, int col) const { return std::stoll(PQgetvalue(r_, row, col)); }
  std::optional<std::int64_t> opt_integer(int row, int col) const {
    return null(row, col) ? std::nullopt : std::optional<std::int64_t>(integer(row, col));
  }
  bool boolean(int row, int col) const { return text(row, col) == "t"; }

 private:
  PGresult* r_;
};

std::string first_line(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// A member's text as the server's columns take it: no NUL (PostgreSQL's text
// has none), at most `max_bytes` (its CHECK), cut between characters.
std::string clean_text(const std::string& text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  for (const char c : text)
    if (c != '\0') out.push_back(c);
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

}  // namespace

struct team_server::impl {
  PGconn* conn = nullptr;
  std::string last_sqlstate;  // of the last failed statement

  impl() = default;
  impl(const impl&) = delete;
  impl& operator=(const impl&) = delete;
  // Here, not in ~team_server: a constructor that throws after connecting still closes.
  ~impl() {
    if (conn) PQfinish(conn);
  }

  result exec(const std::string& sql, const std::vector<std::optional<std::string>>& params = {}) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
    const auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      // The primary message only: the DETAIL of a failed row quotes its values (names, notes), and this
      // text goes to the service's log and to `team status`.
      const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
      std::string message = first_line(primary ? primary : PQerrorMessage(conn));
      const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
      last_sqlstate = state ? state : "";
      PQclear(r);
      if (PQstatus(conn) != CONNECTION_OK) message = "lost the connection to the team's server: " + message;
      throw error(errc::team_error, message);
    }
    return result(r);
  }

  // BEGIN … COMMIT around `work`; ROLLBACK when it throws (and the connection still stands).
  template <typename F>
  void transaction(F&& work) {
    exec("BEGIN");
    try {
      work();
      exec("COMMIT");
    } catch (...) {
      if (PQstatus(conn) == CONNECTION_OK) PQclear(PQexec(conn, "ROLLBACK"));
      throw;
    }
  }
};

team_url normalise_team_url(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &err);
  if (!options) {
    std::string message = err ? first_line(err) : "out of memory";
    PQfreemem(err);
    throw error(errc::bad_request, "not a PostgreSQL connection string: " + message);
  }
  team_url out;
  bool has_sslmode = false;
  // Quotes only where libpq needs them, so the string stays readable in `team status` and a shell.
  const auto quote = [](const std::string& v) {
    bool plain = !v.empty();
    for (const char c : v)
      if (std::isspace(static_cast<unsigned char>(c)) || c == '\'' || c == '\\') plain = false;
    if (plain) return v;
    std::string q = "'";
    for (const char c : v) {
      if (c == '\'' || c == '\\') q.push_back('\\');
      q.push_back(c);
    }
    return q + "'";
  };
  for (auto* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    const std::string key = o->keyword;
    if (key == "password") {
      out.had_password = true;
      out.password = o->val;
      continue;
    }
    if (key == "sslpassword") {  // a client key's passphrase: never stored either
      out.had_password = true;
      continue;
    }
    if (key == "sslmode") has_sslmode = true;
    if (!out.conninfo.empty()) out.conninfo += ' ';
    out.conninfo += key + "=" + quote(o->val);
  }
  PQconninfoFree(options);
  // Certificates checked unless the team says otherwise in its URL (sslmode=disable over a Unix socket, say).
  if (!has_sslmode) out.conninfo += " sslmode=verify-full";
  return out;
}

int latest_server_schema_version() { return std::end(server_migrations)[-1].version; }

team_server::team_server(const std::string& conninfo, const std::optional<std::string>& password)
    : impl_(std::make_unique<impl>()) {
  // Defaults first: what the connection string says overrides them.
  // A network cut mid-query must end in an error, not hours of waiting: keepalives, an unacknowledged-data
  // timeout and a statement timeout (the sync then retries).
  const char* keys[] = {"connect_timeout", "application_name", "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "tcp_user_timeout", "options", "dbname", "password", nullptr};
  const char* values[] = {"10", "vigie", "10", "5", "3", "30000", "-c statement_timeout=120000",
                          conninfo.c_str(), password ? password->c_str() : nullptr, nullptr};
  impl_->conn = PQconnectdbParams(keys, values, 1);
  if (!impl_->conn) throw error(errc::team_error, "could not reach the team's server: out of memory");
  if (PQstatus(impl_->conn) != CONNECTION_OK)
    throw error(errc::team_error, "could not reach the team's server: " + first_line(PQerrorMessage(impl_->conn)));
  // The server's notices ("schema already exists, skipping") are not the user's business.
  PQsetNoticeProcessor(impl_->conn, [](void*, const char*) {}, nullptr);
  impl_->exec("SET TIME ZONE 'UTC'");
}

team_server::~team_server() = default;

bool team_server::refused_data() const {
  // 22: data exception (a NUL, a bad value), 23: a constraint (a CHECK on a length): the row, not the server.
  return impl_->last_sqlstate.rfind("22", 0) == 0 || impl_->last_sqlstate.rfind("23", 0) == 0;
}

std::int64_t team_server::last_change() {
  auto r = impl_->exec(
      "SELECT greatest((SELECT coalesce(max(seq), 0) FROM vigie.invitations), "
      "(SELECT coalesce(max(seq), 0) FROM vigie.verdicts), (SELECT coalesce(max(seq), 0) FROM vigie.members))");
  return r.integer(0, 0);
}

bool team_server::needs_password(const std::string& conninfo) {
  const char* keys[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {"10", conninfo.c_str(), nullptr};
  PGconn* c = PQconnectdbParams(keys, values, 1);
  const bool needs = c && PQstatus(c) != CONNECTION_OK && PQconnectionNeedsPassword(c);
  PQfinish(c);
  return needs;
}

int team_server::schema_version() {
  auto r = impl_->exec("SELECT to_regclass('vigie.schema_version') IS NOT NULL");
  if (!r.boolean(0, 0)) return 0;
  auto v = impl_->exec("SELECT coalesce(max(version), 0) FROM vigie.schema_version");
  return static_cast<int>(v.integer(0, 0));
}

std::pair<int, int> team_server::migrate(const std::string& secret_check) {
  int before = 0, after = 0;
  impl_->transaction([&] {
    impl_->exec(migrate_lock);
    impl_->exec("CREATE SCHEMA IF NOT EXISTS vigie");
    impl_->exec(
        "CREATE TABLE IF NOT EXISTS vigie.schema_version(version integer PRIMARY KEY, description text NOT NULL, "
        "applied_at timestamptz NOT NULL DEFAULT now())");
    before = static_cast<int>(impl_->exec("SELECT coalesce(max(version), 0) FROM vigie.schema_version").integer(0, 0));
    if (before > latest_server_schema_version())
      throw error(errc::team_error, "the team's server has schema v" + std::to_string(before) +
                                        ", newer than this Vigie (v" +
                                        std::to_string(latest_server_schema_version()) + "); upgrade Vigie");
    after = before;
    for (const auto& m : server_migrations) {
      if (m.version <= before) continue;
      PGresult* r = PQexec(impl_->conn, m.sql);  // several statements: the simple protocol
      const auto ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
      const std::string message = first_line(primary ? primary : PQerrorMessage(impl_->conn));
      PQclear(r);
      if (!ok) throw error(errc::team_error, "server schema v" + std::to_string(m.version) + ": " + message);
      impl_->exec("INSERT INTO vigie.schema_version(version, description) VALUES ($1, $2)",
                  {std::to_string(m.version), std::string(m.description)});
      after = m.version;
    }
    impl_->exec("INSERT INTO vigie.settings(key, value) VALUES ('secret_check', $1) ON CONFLICT (key) DO NOTHING",
                {secret_check});
  });
  return {before, after};
}

void team_server::grant(const std::string& role) {
  // Identifiers cannot be parameters: quoted by the server's own rule.
  auto q = impl_->exec("SELECT quote_ident($1)", {role});
  const auto r = q.text(0, 0);
  impl_->transaction([&] {
    impl_->exec("GRANT USAGE ON SCHEMA vigie TO " + r);
    impl_->exec("GRANT SELECT ON vigie.schema_version, vigie.settings TO " + r);
    impl_->exec("GRANT SELECT, INSERT, UPDATE, DELETE ON vigie.members, vigie.invitations, vigie.verdicts TO " + r);
    impl_->exec("GRANT USAGE ON SEQUENCE vigie.changes TO " + r);
  });
}

std::optional<std::string> team_server::secret_check() {
  if (schema_version() == 0) return std::nullopt;
  auto r = impl_->exec("SELECT value FROM vigie.settings WHERE key = 'secret_check'");
  if (r.rows() == 0) return std::nullopt;
  return r.text(0, 0);
}

void team_server::upsert_member(const std::string& member_id, const std::string& display_name, bool show_figures) {
  impl_->transaction([&] {
    impl_->exec(change_lock);
    auto r = impl_->exec(
        "INSERT INTO vigie.members(member_id, display_name, show_figures, seq) "
        "VALUES ($1, $2, $3, nextval('vigie.changes')) ON CONFLICT (member_id) DO UPDATE SET "
        "display_name = excluded.display_name, show_figures = excluded.show_figures, seq = excluded.seq "
        "WHERE vigie.members.left_at IS NULL RETURNING 1",
        {member_id, display_name, std::string(show_figures ? "true" : "false")});
    if (r.rows() == 0) throw error(errc::team_error, "this member has left the team");
  });
}

void team_server::remove_member(const std::string& member_id) {
  impl_->transaction([&] {
    impl_->exec(change_lock);
    impl_->exec("DELETE FROM vigie.invitations WHERE member_id = $1", {member_id});
    impl_->exec("DELETE FROM vigie.verdicts WHERE member_id = $1", {member_id});
    impl_->exec(
        "UPDATE vigie.members SET display_name = '', show_figures = false, left_at = now(), "
        "seq = nextval('vigie.changes') WHERE member_id = $1",
        {member_id});
  });
}

std::vector<std::pair<std::string, std::string>> team_server::settings() {
  auto r = impl_->exec("SELECT key, value FROM vigie.settings WHERE key <> 'secret_check' ORDER BY key");
  std::vector<std::pair<std::string, std::string>> out;
  for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0), r.text(i, 1));
  return out;
}

void team_server::put_setting(const std::string& key, const std::string& value) {
  impl_->exec("INSERT INTO vigie.settings(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2",
              {key, value});
}

void team_server::push(const std::string& member_id, const std::vector<pushed_invitation>& invitations,
                       const std::vector<pushed_verdict>& verdicts, bool share_names, bool share_notes) {
  // One parameter per table: the rows as JSON, unpacked by the server (no
  // SQL built from the members' texts).
  json inv = json::array();
  for (const auto& i : invitations) {
    json row{{"local_id", i.local_id}, {"version", i.version}, {"erased", !i.state.has_value()}};
    if (i.state) {
      row["key_hash"] = i.key_hash;
      row["network"] = i.state->network;
      row["direction"] = i.state->direction;
      row["status"] = i.state->status;
      row["created_at"] = i.state->created_at;
      row["decided_at"] = i.state->decided_at ? json(*i.state->decided_at) : json(nullptr);
      if (share_names && i.state->name) row["name"] = clean_text(*i.state->name, 1024);
      if (share_notes && i.state->note && !i.state->note->empty()) row["note"] = clean_text(*i.state->note, 16384);
    }
    inv.push_back(std::move(row));
  }
  json ver = json::array();
  for (const auto& v : verdicts) {
    json row{{"person_ref", v.person_ref}, {"version", v.version}, {"erased", !v.state.has_value()}};
    if (v.state) {
      row["key_hash"] = v.key_hash;
      row["verdict"] = v.state->verdict;
      row["at"] = v.state->at;
    }
    ver.push_back(std::move(row));
  }
  const auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
  impl_->transaction([&] {
    impl_->exec(change_lock);
    // Under the lock that leave takes too: once a member has left, nothing of theirs comes back (a sync
    // still running while `team leave` ran would otherwise push rows every copy keeps for ever).
    if (impl_->exec("SELECT 1 FROM vigie.members WHERE member_id = $1 AND left_at IS NULL", {member_id}).rows() == 0)
      throw error(errc::team_error, "this member has left the team");
    if (!invitations.empty())
      impl_->exec(
          "INSERT INTO vigie.invitations AS t(member_id, local_id, version, seq, erased, key_hash, network, "
          "direction, status, created_at, decided_at, name, note) "
          "SELECT $1, u.local_id, u.version, nextval('vigie.changes'), u.erased, u.key_hash, u.network, u.direction, "
          "u.status, u.created_at, u.decided_at, u.name, u.note FROM jsonb_to_recordset($2::jsonb) AS "
          "u(local_id bigint, version bigint, erased boolean, key_hash text, network text, direction text, "
          "status text, created_at bigint, decided_at bigint, name text, note text) ORDER BY u.local_id "
          "ON CONFLICT (member_id, local_id) DO UPDATE SET version = excluded.version, seq = excluded.seq, "
          "erased = excluded.erased, key_hash = excluded.key_hash, network = excluded.network, "
          "direction = excluded.direction, status = excluded.status, created_at = excluded.created_at, "
          "decided_at = excluded.decided_at, name = excluded.name, note = excluded.note "
          "WHERE t.version < excluded.version",
          {member_id, dump(inv)});
    if (!verdicts.empty())
      impl_->exec(
          "INSERT INTO vigie.verdicts AS t(member_id, person_ref, version, seq, erased, key_hash, verdict, at) "
          "SELECT $1, u.person_ref, u.version, nextval('vigie.changes'), u.erased, u.key_hash, u.verdict, u.at "
          "FROM jsonb_to_recordset($2::jsonb) AS u(person_ref bigint, version bigint, erased boolean, "
          "key_hash text, verdict text, at bigint) ORDER BY u.person_ref "
          "ON CONFLICT (member_id, person_ref) DO UPDATE SET version = excluded.version, seq = excluded.seq, "
          "erased = excluded.erased, key_hash = excluded.key_hash, verdict = excluded.verdict, at = excluded.at "
          "WHERE t.version < excluded.version",
          {member_id, dump(ver)});
  });
}

pulled<storage::team_invitation_row> team_server::pull_invitations(std::int64_t after, int limit) {
  auto r = impl_->exec(
      "SELECT seq, member_id, local_id, erased, key_hash, network, direction, status, created_at, decided_at, name "
      "FROM vigie.invitations WHERE seq > $1 ORDER BY seq LIMIT $2",
      {std::to_string(after), std::to_string(limit)});
  pulled<storage::team_invitation_row> out;
  out.rows.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    storage::team_invitation_row row;
    row.member_id = r.text(i, 1);
    row.local_id = r.integer(i, 2);
    row.erased = r.boolean(i, 3);
    if (!row.erased) {
      row.key_hash = r.text(i, 4);
      row.network = r.text(i, 5);
      row.direction = r.text(i, 6);
      row.status = r.text(i, 7);
      row.created_at = r.integer(i, 8);
      row.decided_at = r.opt_integer(i, 9);
      row.name = r.opt_text(i, 10);
    }
    out.rows.emplace_back(r.integer(i, 0), std::move(row));
  }
  return out;
}

pulled<storage::team_verdict_row> team_server::pull_verdicts(std::int64_t after, int limit) {
  auto r = impl_->exec(
      "SELECT seq, member_id, person_ref, erased, key_hash, verdict, at FROM vigie.verdicts WHERE seq > $1 "
      "ORDER BY seq LIMIT $2",
      {std::to_string(after), std::to_string(limit)});
  pulled<storage::team_verdict_row> out;
  for (int i = 0; i < r.rows(); ++i) {
    storage::team_verdict_row row;
    row.member_id = r.text(i, 1);
    row.person_ref = r.integer(i, 2);
    row.erased = r.boolean(i, 3);
    if (!row.erased) {
      row.key_hash = r.text(i, 4);
      row.verdict = r.text(i, 5);
      row.at = r.integer(i, 6);
    }
    out.rows.emplace_back(r.integer(i, 0), std::move(row));
  }
  return out;
}

pulled<storage::team_member_row> team_server::pull_members(std::int64_t after, int limit) {
  auto r = impl_->exec(
      "SELECT seq, member_id, display_name, show_figures, left_at IS NOT NULL FROM vigie.members WHERE seq > $1 "
      "ORDER BY seq LIMIT $2",
      {std::to_string(after), std::to_string(limit)});
  pulled<storage::team_member_row> out;
  for (int i = 0; i < r.rows(); ++i)
    out.rows.emplace_back(r.integer(i, 0),
                          storage::team_member_row{r.text(i, 1), r.text(i, 2), r.boolean(i, 3), r.boolean(i, 4)});
  return out;
}

team_server::counts team_server::count() {
  auto r = impl_->exec(
      "SELECT (SELECT count(*) FROM vigie.members WHERE left_at IS NULL), "
      "(SELECT count(*) FROM vigie.invitations WHERE NOT erased), (SELECT count(*) FROM vigie.verdicts WHERE NOT erased)");
  return {r.integer(0, 0), r.integer(0, 1), r.integer(0, 2)};
}

std::string random_hex(int bytes) {
  std::ifstream in("/dev/urandom", std::ios::binary);
  std::string raw(static_cast<std::size_t>(bytes), '\0');
  if (!in.read(raw.data(), bytes)) throw error(errc::internal, "could not read /dev/urandom");
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const char c : raw) {
    out.push_back(digits[static_cast<unsigned char>(c) >> 4]);
    out.push_back(digits[static_cast<unsigned char>(c) & 15]);
  }
  return out;
}

}  // namespace vigie::cli
