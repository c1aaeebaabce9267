#pragma once
// A team's PostgreSQL server (docs/TEAM.md) through libpq: the connection
// (TLS with certificate checks unless the URL says otherwise; the password
// from libpq's own sources — PGPASSWORD, ~/.pgpass — or a prompt, never
// stored), the server's versioned schema, and the statements the sync runs.
// Only the `vigie` command links this; vigie-host opens no socket.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/team_repository.hpp"

namespace vigie::cli {

// The connection string as given, with sslmode=verify-full added when it
// names none, a connect timeout, and the password taken out (`had_password`).
struct team_url {
  std::string conninfo;  // key=value form, safe to store
  bool had_password = false;
  std::optional<std::string> password;  // the one the URL carried, for this run only
};
team_url normalise_team_url(const std::string& url);

// The schema version this Vigie writes on the server.
int latest_server_schema_version();

// One row pushed: an invitation's state as the team sees it, or its erasure.
struct pushed_invitation {
  std::int64_t local_id = 0, version = 0;
  std::optional<storage::shareable_invitation> state;  // nullopt: erased
  std::string key_hash;
};
struct pushed_verdict {
  std::int64_t person_ref = 0, version = 0;
  std::optional<storage::shareable_verdict> state;
  std::string key_hash;
};

template <typename Row>
struct pulled {
  std::vector<std::pair<std::int64_t, Row>> rows;  // (server seq, row), in seq order
};

class team_server {
 public:
  // Connects, or throws error(team_error) saying why. `password`, when given,
  // is used for this connection only.
  explicit team_server(const std::string& conninfo, const std::optional<std::string>& password = std::nullopt);
  ~team_server();
  team_server(const team_server&) = delete;
  team_server& operator=(const team_server&) = delete;

  // After a failed statement: the server refused the data (a value, a
  // constraint), not the connection; retrying the same rows fails again.
  bool refused_data() const;
  // The highest change number on the server: lower than a member's cursor
  // only when the server went back (a restore, an asynchronous failover).
  std::int64_t last_change();

  // True when the server asked for a password none of libpq's sources gave.
  static bool needs_password(const std::string& conninfo);

  // Creates or upgrades the schema (each version once, under a lock), and
  // stores the secret's check value. Returns the version before and after.
  // (Settings the team never set take their defaults from domain/team.hpp.)
  std::pair<int, int> migrate(const std::string& secret_check);
  // Lets a PostgreSQL role (a member's login, or a group role of members)
  // read the team and write rows; settings stay the admin's.
  void grant(const std::string& role);
  // 0 when the server holds no Vigie team.
  int schema_version();
  // The team's check of its secret (a keyed hash of a fixed text): a member
  // joining with another secret would share hashes nobody can match.
  std::optional<std::string> secret_check();

  void upsert_member(const std::string& member_id, const std::string& display_name, bool show_figures);
  // Everything the member shared goes; the member stays as "left" so that
  // every copy drops their rows.
  void remove_member(const std::string& member_id);
  std::vector<std::pair<std::string, std::string>> settings();
  void put_setting(const std::string& key, const std::string& value);

  // One transaction each; a version not newer than the server's changes nothing.
  void push(const std::string& member_id, const std::vector<pushed_invitation>& invitations,
            const std::vector<pushed_verdict>& verdicts, bool share_names, bool share_notes);

  pulled<storage::team_invitation_row> pull_invitations(std::int64_t after, int limit);
  pulled<storage::team_verdict_row> pull_verdicts(std::int64_t after, int limit);
  pulled<storage::team_member_row> pull_members(std::int64_t after, int limit);

  // For `vigie team status`.
  struct counts {
    std::int64_t members = 0, invitations = 0, verdicts = 0;
  };
  counts count();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// A fresh random id or secret: `bytes` random bytes as hex.
std::string random_hex(int bytes);

}  // namespace vigie::cli
