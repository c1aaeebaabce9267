// `vigie team init|join|status|sync|set|figures|leave` (docs/TEAM.md).
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/format.hpp"
#include "cli/session.hpp"
#include "cli/team_command.hpp"
#include "cli/team_server.hpp"
#include "cli/team_sync.hpp"
#include "common/error.hpp"
#include "domain/keyed_hash.hpp"
#include "domain/team.hpp"
#include "storage/team_repository.hpp"

namespace vigie::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* service_name = "vigie-team-sync.service";

// What the team stores to check that a member's secret is the team's.
std::string secret_check_of(const std::string& secret) {
  return domain::team_person_hash(secret, "vigie", "team secret check");
}

// A secret or password typed without echo, when a person is there to type it.
std::optional<std::string> prompt_hidden(const std::string& question) {
  if (::isatty(STDIN_FILENO) != 1) return std::nullopt;
  std::cerr << question << std::flush;
  termios old{};
  const bool restore = ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (restore) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

// Connects with the URL's own password, libpq's sources (PGPASSWORD,
// ~/.pgpass) or, at a terminal, a prompt. Nothing is written down.
std::unique_ptr<team_server> connect(const std::string& conninfo, const std::optional<std::string>& password) {
  if (password) return std::make_unique<team_server>(conninfo, password);
  if (team_server::needs_password(conninfo)) {
    if (const auto typed = prompt_hidden("Password for the team's server: "))
      return std::make_unique<team_server>(conninfo, typed);
    throw error(errc::team_error,
                "the team's server wants a password: set PGPASSWORD, or put it in ~/.pgpass (docs/TEAM.md)");
  }
  return std::make_unique<team_server>(conninfo);
}

std::string display_name_or_default(const std::string& given) {
  std::string name = given;
  if (name.empty())
    if (const char* user = std::getenv("USER")) name = user;
  if (name.empty()) throw error(errc::bad_request, "--name is required: how teammates will see you");
  if (name.size() > 200) throw error(errc::bad_request, "--name is longer than 200 bytes");
  for (const unsigned char c : name)
    if (c < 0x20 || c == 0x7f) throw error(errc::bad_request, "--name holds a control character");
  return name;
}

fs::path service_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  const fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home ? home : ".") / ".config";
  return base / "systemd" / "user" / service_name;
}

std::string self_path() {
  std::error_code ec;
  const auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("vigie") : p.string();
}

// A per-user service that runs the sync; started when systemd runs one for the user.
// A value in a unit file: double-quoted, with systemd's specifiers (%) and
// variables ($) taken literally, so a folder with a space or a % stays itself.
std::string unit_quoted(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '%') out.push_back('%');
    if (c == '$') out.push_back('$');
    out.push_back(c);
  }
  return out + "\"";
}

void install_service(const vigie::paths& paths) {
  const auto path = service_path();
  fs::create_directories(path.parent_path());
  {
    std::ofstream out(path);
    out << "# Written by `vigie team join`; removed by `vigie team leave`.\n"
        << "# The server's password is not here: libpq reads ~/.pgpass (docs/TEAM.md).\n"
        << "[Unit]\nDescription=Vigie: share invitations with the team (docs/TEAM.md)\n\n"
        << "[Service]\nExecStart=" << unit_quoted(self_path()) << " team sync --watch\n"
        << "Environment=" << unit_quoted("VIGIE_HOME=" + paths.data_dir.string()) << "\n"
        << "Restart=always\nRestartSec=30\n\n[Install]\nWantedBy=default.target\n";
  }
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  std::cout << "  sync service: " << path.string() << "\n";
  if (std::system("systemctl --user daemon-reload >/dev/null 2>&1 && "
                  "systemctl --user enable --now vigie-team-sync.service >/dev/null 2>&1") == 0) {
    std::cout << "  started: it syncs every few seconds while you are logged in\n";
  } else {
    std::cout << "  systemd has no user session here: run `vigie team sync --watch` (or `vigie team sync` from "
                 "cron) to keep the team's copy fresh\n";
  }
}

void remove_service() {
  const auto path = service_path();
  if (!fs::exists(path)) return;
  [[maybe_unused]] const int rc =
      std::system("systemctl --user disable --now vigie-team-sync.service >/dev/null 2>&1");
  fs::remove(path);
}

void print_progress(const sync_report& r) {
  if (::isatty(STDERR_FILENO) != 1) return;
  std::cerr << "\rpushed " << r.pushed << ", pulled " << r.pulled() << std::flush;
}

void print_report(const sync_report& r) {
  if (::isatty(STDERR_FILENO) == 1 && (r.pushed || r.pulled())) std::cerr << "\n";
  std::cout << "synced: pushed " << r.pushed << " changes, pulled " << r.pulled_invitations << " invitations, "
            << r.pulled_verdicts << " verdicts, " << r.pulled_members << " member changes\n";
}

std::string require_secret(const std::string& given) {
  std::string secret = given;
  if (secret.empty())
    if (const char* env = std::getenv("VIGIE_TEAM_SECRET")) secret = env;
  if (secret.empty())
    if (const auto typed = prompt_hidden("Team secret (from the admin's `vigie team init`): ")) secret = *typed;
  if (!domain::is_team_secret(secret))
    throw error(errc::bad_request,
                "the team secret is 64 lowercase hex digits, as `vigie team init` printed it (--secret or "
                "VIGIE_TEAM_SECRET)");
  return secret;
}

storage::team_membership_row require_membership(session& s) {
  auto m = storage::team_repository(s.context().db).membership();
  if (!m) throw error(errc::not_found, "not in a team: `vigie team join URL` first");
  return *m;
}

volatile sig_atomic_t stop_requested = 0;
extern "C" void on_stop(int) { stop_requested = 1; }

void run_watch(int interval_s) {
  ::signal(SIGTERM, on_stop);
  ::signal(SIGINT, on_stop);
  session s;
  std::unique_ptr<team_server> server;
  int backoff = interval_s;
  while (!stop_requested) {
    try {
      const auto m = require_membership(s);
      if (!server) server = std::make_unique<team_server>(m.conninfo);
      const sync_lock one_at_a_time(s.paths().data_dir);
      sync_once(s.context().db, *server, s.clock());
      backoff = interval_s;
    } catch (const error& e) {
      if (e.code() == errc::not_found) throw;  // left the team: the service has nothing to do
      server.reset();                          // reconnect next time
      try {
        storage::transaction tx(s.context().db);
        storage::team_repository(s.context().db).record_error(e.what());
        tx.commit();
      } catch (const error&) {
      }
      std::cerr << "team sync: " << terminal_text(e.what()) << " (retrying in " << backoff << " s)\n";
      backoff = std::min(backoff * 2, 60);
    } catch (const std::exception& e) {  // a server's odd answer must not end the service
      server.reset();
      std::cerr << "team sync: " << terminal_text(e.what()) << " (retrying in " << backoff << " s)\n";
      backoff = std::min(backoff * 2, 60);
    }
    for (int i = 0; i < backoff * 10 && !stop_requested; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace

void add_team_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("team", "Share invitations and verdicts with a sales team, opt-in (docs/TEAM.md)");
  cmd->require_subcommand(1);

  // init
  {
    auto* init = cmd->add_subcommand("init", "Create or upgrade a team's schema on a PostgreSQL server (team admin)");
    auto url = std::make_shared<std::string>();
    auto secret = std::make_shared<std::string>();
    init->add_option("URL", *url, "PostgreSQL connection string (postgresql://user@host/db or key=value)")
        ->required();
    init->add_option("--secret", *secret, "the team's secret, when upgrading an existing team");
    auto grants = std::make_shared<std::vector<std::string>>();
    init->add_option("--grant", *grants, "a PostgreSQL role members log in with (repeatable)");
    init->callback([url, secret, grants] {
      const auto u = normalise_team_url(*url);
      auto server = connect(u.conninfo, u.password);
      const auto existing = server->secret_check();
      std::string team_secret = *secret;
      if (existing && !team_secret.empty() && secret_check_of(team_secret) != *existing)
        throw error(errc::bad_request, "this is not the secret of the team on that server");
      const bool fresh = !existing;
      if (fresh && team_secret.empty()) team_secret = random_hex(32);
      if (!team_secret.empty() && !domain::is_team_secret(team_secret))
        throw error(errc::bad_request, "--secret is 64 lowercase hex digits");
      const auto [before, after] = server->migrate(fresh ? secret_check_of(team_secret) : *existing);
      std::cout << "team schema: v" << before << " -> v" << after << (before == after ? " (up to date)" : "") << "\n";
      for (const auto& role : *grants) {
        server->grant(role);
        std::cout << "granted to role " << terminal_text(role) << "\n";
      }
      if (fresh) {
        std::cout << "team secret: " << team_secret << "\n"
                  << "Give each member the URL (without a password) and this secret, over a channel you trust:\n"
                  << "  vigie team join \""
                  << (grants->size() == 1 ? normalise_team_url(u.conninfo + " user=" + grants->front()).conninfo
                                          : u.conninfo + " (with the member's role as user=)")
                  << "\" --name \"Their name\"\n"
                  << "The server never sees the secret: keep a copy, a lost secret means a new team.\n";
      }
    });
  }

  // join
  {
    auto* join = cmd->add_subcommand("join", "Join a team: share your invitations (hashed) and fake/trusted verdicts");
    auto url = std::make_shared<std::string>();
    auto secret = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    auto hide = std::make_shared<bool>(false);
    auto no_service = std::make_shared<bool>(false);
    join->add_option("URL", *url, "the team's PostgreSQL connection string, as the admin gave it")->required();
    join->add_option("--secret", *secret, "the team secret (or VIGIE_TEAM_SECRET, or typed at the prompt)");
    join->add_option("--name", *name, "how teammates see you (default: your user name)");
    join->add_flag("--hide-figures", *hide, "keep your volume and acceptance rate out of the team view");
    join->add_flag("--no-service", *no_service, "do not install the per-user sync service");
    join->callback([=] {
      session s;
      auto& db = s.context().db;
      storage::team_repository team(db);
      if (const auto m = team.membership())
        throw error(errc::bad_request, "already in a team (as " + terminal_text(m->display_name) +
                                           "): `vigie team leave` first");
      const auto u = normalise_team_url(*url);
      if (u.had_password)
        std::cerr << "note: the password in the URL is used now and not stored; the sync service needs it in "
                     "~/.pgpass or PGPASSWORD\n";
      const auto display = display_name_or_default(*name);
      const auto team_secret = require_secret(*secret);
      auto server = connect(u.conninfo, u.password);
      const auto check = server->secret_check();
      if (!check) throw error(errc::team_error, "no Vigie team on that server: the admin runs `vigie team init URL`");
      if (server->schema_version() > latest_server_schema_version())
        throw error(errc::team_error, "the team's server is newer than this Vigie: upgrade Vigie");
      if (*check != secret_check_of(team_secret)) throw error(errc::bad_request, "wrong team secret for that server");
      storage::team_membership_row row;
      row.conninfo = u.conninfo;
      row.member_id = random_hex(16);
      row.display_name = display;
      row.secret = team_secret;
      row.show_figures = !*hide;
      row.joined_at = s.clock().now();
      server->upsert_member(row.member_id, row.display_name, row.show_figures);
      s.in_one_transaction([&] { team.join(row); });
      std::cout << "joined the team as " << terminal_text(display) << " (" << team.outbox_size()
                << " changes to share)\n";
      // The service before the first sync: a long first pull cut short leaves
      // a member whose service finishes it, not a half-joined one.
      if (!*no_service) install_service(s.paths());
      try {
        const sync_lock one_at_a_time(s.paths().data_dir);
        print_report(sync_once(db, *server, s.clock(), print_progress));
      } catch (const error& e) {
        std::cerr << "\nthe first sync stopped: " << terminal_text(e.what())
                  << "\n`vigie team sync` (or the service) carries on from there\n";
      }
    });
  }

  // status
  {
    auto* status = cmd->add_subcommand("status", "Show the team membership, the sync state and the server's counts");
    auto offline = std::make_shared<bool>(false);
    status->add_flag("--offline", *offline, "do not contact the server");
    status->callback([offline] {
      session s;
      storage::team_repository team(s.context().db);
      const auto m = team.membership();
      if (!m) {
        std::cout << "not in a team (`vigie team join URL` to join one; docs/TEAM.md)\n";
        return;
      }
      std::vector<std::vector<std::string>> rows = {
          {"server", m->conninfo},
          {"you", terminal_text(m->display_name) + (m->show_figures ? "" : " (figures hidden)")},
          {"joined", local_minute(m->joined_at)},
          {"last push", m->last_push_at ? local_minute(*m->last_push_at) : "never"},
          {"last pull", m->last_pull_at ? local_minute(*m->last_pull_at) : "never"},
          {"waiting to push", std::to_string(team.outbox_size())},
          {"team rows here", std::to_string(team.team_rows())},
      };
      if (m->last_error) rows.push_back({"last error", terminal_text(*m->last_error)});
      for (const auto& [k, v] : team.settings()) rows.push_back({"setting " + k, terminal_text(v)});
      if (!*offline) {
        try {
          team_server server(m->conninfo);
          const auto c = server.count();
          rows.push_back({"server", std::to_string(c.members) + " members, " + std::to_string(c.invitations) +
                                        " invitations, " + std::to_string(c.verdicts) + " verdicts"});
        } catch (const error& e) {
          rows.push_back({"server", std::string("unreachable: ") + e.what()});
        }
      }
      print_table(std::cout, {"", ""}, rows);
    });
  }

  // sync
  {
    auto* sync = cmd->add_subcommand("sync", "Push your changes to the team and pull theirs (the service runs it)");
    auto watch = std::make_shared<bool>(false);
    auto interval = std::make_shared<int>(2);
    sync->add_flag("--watch", *watch, "keep syncing until stopped, retrying when the server is down");
    sync->add_option("--interval", *interval, "seconds between syncs with --watch")->check(CLI::Range(1, 3600));
    sync->callback([watch, interval] {
      if (*watch) return run_watch(*interval);
      session s;
      const auto m = require_membership(s);
      auto server = connect(m.conninfo, std::nullopt);
      try {
        const sync_lock one_at_a_time(s.paths().data_dir);
        print_report(sync_once(s.context().db, *server, s.clock(), print_progress));
      } catch (const error& e) {
        storage::transaction tx(s.context().db);
        storage::team_repository(s.context().db).record_error(e.what());
        tx.commit();
        throw;
      }
    });
  }

  // set
  {
    auto* set = cmd->add_subcommand("set", "Show or change a team setting (team admin): verdicts, sharing in clear");
    auto key = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();
    auto url = std::make_shared<std::string>();
    set->add_option("KEY", *key, "setting name; none lists them");
    set->add_option("VALUE", *value, "new value");
    set->add_option("--url", *url, "the team's server, for an admin who is not a member (default: your team's)");
    set->callback([key, value, url] {
      std::unique_ptr<team_server> server;
      if (!url->empty()) {
        const auto u = normalise_team_url(*url);
        server = connect(u.conninfo, u.password);
        if (!server->secret_check()) throw error(errc::team_error, "no Vigie team on that server");
      } else {
        session s;
        server = connect(require_membership(s).conninfo, std::nullopt);
      }
      if (!key->empty()) {
        if (const auto why = domain::team_setting_error(*key, *value)) throw error(errc::bad_request, *why);
        server->put_setting(*key, *value);
      }
      const auto stored = server->settings();
      std::vector<std::vector<std::string>> rows;
      for (const auto& t : domain::team_settings)
        rows.push_back({std::string(t.key), domain::team_setting_value(stored, t.key), std::string(t.accepts),
                        std::string(t.help)});
      print_table(std::cout, {"SETTING", "VALUE", "ACCEPTS", "MEANING"}, rows);
      std::cout << "Members' checks follow within a sync.\n";
    });
  }

  // figures
  {
    auto* figures = cmd->add_subcommand("figures", "Show or hide your volume and acceptance rate in the team view");
    auto choice = std::make_shared<std::string>();
    figures->add_option("CHOICE", *choice, "show or hide")->required()->check(CLI::IsMember({"show", "hide"}));
    figures->callback([choice] {
      session s;
      const auto m = require_membership(s);
      const bool show = *choice == "show";
      team_server server(m.conninfo);
      server.upsert_member(m.member_id, m.display_name, show);
      storage::transaction tx(s.context().db);
      storage::team_repository(s.context().db).set_show_figures(show);
      tx.commit();
      std::cout << (show ? "your figures are shown to the team\n" : "your figures are hidden from the team\n");
    });
  }

  // remove-member (admin)
  {
    auto* rm = cmd->add_subcommand("remove-member",
                                   "Remove a member and everything they shared (team admin; `team status` on the "
                                   "server lists no ids: the member's `leave --force` printed it)");
    auto id = std::make_shared<std::string>();
    auto url = std::make_shared<std::string>();
    rm->add_option("MEMBER_ID", *id, "the member's id (32 hex digits)")->required();
    rm->add_option("--url", *url, "the team's server")->required();
    rm->callback([id, url] {
      const auto u = normalise_team_url(*url);
      auto server = connect(u.conninfo, u.password);
      if (!server->secret_check()) throw error(errc::team_error, "no Vigie team on that server");
      server->remove_member(*id);
      std::cout << "removed member " << terminal_text(*id) << ": their rows are gone from the server, and from each "
                   "member's copy at its next sync\n";
    });
  }

  // leave
  {
    auto* leave = cmd->add_subcommand("leave", "Stop sharing and remove from the server everything you shared");
    auto force = std::make_shared<bool>(false);
    leave->add_flag("--force", *force, "leave locally even when the server cannot be reached (your rows stay there)");
    leave->callback([force] {
      session s;
      const auto m = require_membership(s);
      // The service first: a sync running on would push again after the removal (the server refuses a member
      // who left, but the service would then retry for nothing).
      remove_service();
      bool removed = false;
      try {
        auto server = connect(m.conninfo, std::nullopt);
        server->remove_member(m.member_id);
        removed = true;
      } catch (const error& e) {
        if (!*force) throw error(errc::team_error, std::string(e.what()) +
                                                       "; nothing changed (--force leaves locally anyway)");
        std::cerr << "warning: " << e.what() << "\n";
      }
      s.in_one_transaction([&] { storage::team_repository(s.context().db).leave(); });
      s.erase_traces();
      remove_service();
      std::cout << (removed ? "left the team: what you shared is gone from the server, and the team's data from "
                              "this computer\n"
                            : "left the team on this computer; what you shared is still on the server: the admin "
                              "removes it with `vigie team remove-member " +
                                  m.member_id + " --url URL`\n");
    });
  }
}

}  // namespace vigie::cli
