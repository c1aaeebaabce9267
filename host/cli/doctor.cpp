#include "cli/doctor.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "protocol/frame_codec.hpp"

namespace vigie::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Reads exactly n bytes or fails at the deadline / EOF.
bool read_exact(int fd, std::string& out, std::size_t n, std::chrono::steady_clock::time_point deadline) {
  while (out.size() < n) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    char buf[4096];
    const auto got = ::read(fd, buf, std::min(sizeof buf, n - out.size()));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out.append(buf, static_cast<std::size_t>(got));
  }
  return true;
}

void reap(pid_t pid, std::chrono::milliseconds grace) {
  const auto deadline = std::chrono::steady_clock::now() + grace;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid, &status, WNOHANG) == pid) return;
    ::usleep(10'000);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
}

}  // namespace

hello_result probe_host(const fs::path& host, const std::vector<std::string>& caller_args,
                        std::chrono::milliseconds timeout) {
  hello_result result;
  int to_child[2], from_child[2];
  if (::pipe2(to_child, O_CLOEXEC) != 0) { result.error = "cannot create a pipe"; return result; }
  if (::pipe2(from_child, O_CLOEXEC) != 0) {
    ::close(to_child[0]); ::close(to_child[1]);
    result.error = "cannot create a pipe";
    return result;
  }
  // Prepare argv before fork: only async-signal-safe calls in the child.
  std::vector<std::string> args{host.string()};
  args.insert(args.end(), caller_args.begin(), caller_args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string dir = host.parent_path().string();
  const int devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  const pid_t pid = ::fork();
  if (pid < 0) { result.error = "cannot fork"; return result; }
  if (pid == 0) {
    ::dup2(to_child[0], 0);
    ::dup2(from_child[1], 1);
    if (devnull >= 0) ::dup2(devnull, 2);  // the host's log noise is not doctor's output
    if (::chdir(dir.c_str()) != 0) _exit(126);
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  if (devnull >= 0) ::close(devnull);
  ::close(to_child[0]);
  ::close(from_child[1]);
  ::signal(SIGPIPE, SIG_IGN);
  const std::string frame = protocol::encode_frame(R"({"id":1,"type":"hello"})");
  const bool sent = ::write(to_child[1], frame.data(), frame.size()) == static_cast<ssize_t>(frame.size());
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string header, body;
  if (!sent) {
    result.error = "the host exited before reading (browser: \"Error when communicating with the native messaging host\")";
  } else if (!read_exact(from_child[0], header, 4, deadline)) {
    result.error = std::chrono::steady_clock::now() >= deadline
                       ? "no reply within " + std::to_string(timeout.count()) + " ms"
                       : "the host exited without replying (browser: \"Native host has exited\")";
  } else {
    std::uint32_t len = 0;
    std::memcpy(&len, header.data(), 4);
    if (len > protocol::max_outbound_bytes) {
      result.error = "the reply's length header is " + std::to_string(len) + ": something wrote to stdout";
    } else if (!read_exact(from_child[0], body, len, deadline)) {
      result.error = "the reply was cut short";
    } else {
      const json reply = json::parse(body, nullptr, false);
      if (!reply.is_object()) {
        result.error = "the reply is not JSON";
      } else if (reply.value("ok", false) != true) {
        const auto& err = reply.contains("error") ? reply["error"] : json::object();
        result.error = "the host refused: " + err.value("code", std::string("?")) + ": " +
                       err.value("message", std::string());
      } else {
        const auto& r = reply["result"];
        result.answered = true;
        result.host_version = r.value("host_version", std::string());
        result.data_dir = r.value("data_dir", std::string());
      }
    }
  }
  ::close(to_child[1]);  // EOF: the host exits as when the browser closes the port
  ::close(from_child[0]);
  reap(pid, std::chrono::milliseconds(2000));
  return result;
}

doctor_check check_target(const manifest_target& target, std::chrono::milliseconds timeout) {
  doctor_check c;
  c.target = target;
  c.manifest = target.dir / manifest_file_name();
  std::error_code ec;
  if (!fs::exists(c.manifest, ec)) {
    c.problems.push_back({"no manifest at " + c.manifest.string(), "run `" + target.fix_command + "`"});
    return c;
  }
  c.manifest_state = check_manifest_file(c.manifest, target.flavour, target.fix_command);
  c.problems = c.manifest_state.problems;
  if (!c.manifest_state.valid) return c;
  std::vector<std::string> caller;
  if (target.flavour == manifest_flavour::chromium) caller = {chromium_origins().front()};
  else caller = {c.manifest.string(), firefox_extension_ids().front()};
  c.hello = probe_host(c.manifest_state.host_path, caller, timeout);
  if (!c.hello.answered)
    c.problems.push_back({"the host does not answer hello: " + c.hello.error,
                          "run `" + c.manifest_state.host_path.string() + " " + caller.front() +
                              "` by hand to see its error, look at the log under ~/.local/state/vigie, or rebuild"});
  return c;
}

json to_json(const std::vector<doctor_check>& checks) {
  json list = json::array();
  bool all_ok = !checks.empty();
  for (const auto& c : checks) {
    json problems = json::array();
    for (const auto& p : c.problems) problems.push_back({{"problem", p.problem}, {"fix", p.fix}});
    list.push_back({{"browser", c.target.browser.empty() ? json(nullptr) : json(c.target.browser)},
                    {"label", c.target.label},
                    {"manifest", c.manifest.string()},
                    {"present", c.manifest_state.present},
                    {"valid", c.manifest_state.valid},
                    {"host_path", c.manifest_state.host_path.string()},
                    {"answers_hello", c.hello.answered},
                    {"host_version", c.hello.host_version},
                    {"ok", c.ok()},
                    {"problems", problems}});
    all_ok = all_ok && c.ok();
  }
  return {{"ok", all_ok}, {"checks", list}};
}

namespace {

struct doctor_options {
  selection sel;
  bool as_json = false;
  int timeout_ms = 5000;
};

int run_doctor(const doctor_options& o) {
  const char* h = std::getenv("HOME");
  const fs::path home = h ? h : "";
  auto targets = resolve_targets(o.sel, current_os(), home, false, installed_on_path);
  // Auto-detection also looks at browsers whose profile folder is gone but
  // whose manifest is still there.
  const bool explicit_sel = !o.sel.browsers.empty() || !o.sel.dirs.empty() || !o.sel.user_data_dirs.empty();
  if (!explicit_sel && !o.sel.system) {
    for (const auto& t : resolve_targets(o.sel, current_os(), home, true)) {
      std::error_code ec;
      const bool listed = std::any_of(targets.begin(), targets.end(), [&](const auto& x) { return x.dir == t.dir; });
      if (!listed && fs::exists(t.dir / manifest_file_name(), ec)) targets.push_back(t);
    }
  }
  std::vector<doctor_check> checks;
  for (const auto& t : targets) checks.push_back(check_target(t, std::chrono::milliseconds(o.timeout_ms)));
  const json report = to_json(checks);
  if (o.as_json) {
    std::cout << report.dump(2) << "\n";
  } else if (checks.empty()) {
    std::cout << "✗ no supported browser found for this user\n  fix: start your browser once, or run `vigie install "
                 "--browser chromium` (or --user-data-dir DIR)\n";
  } else {
    for (const auto& c : checks) {
      if (c.ok()) {
        std::cout << "✓ " << c.target.label << ": " << c.manifest.string() << " -> " << c.manifest_state.host_path.string()
                  << " answers hello (vigie-host " << c.hello.host_version << ")\n";
        continue;
      }
      for (const auto& p : c.problems)
        std::cout << "✗ " << c.target.label << ": " << p.problem << "\n  fix: " << p.fix << "\n";
    }
  }
  return report["ok"].get<bool>() ? exit_ok : exit_failure;
}

}  // namespace

void add_doctor_command(CLI::App& app) {
  auto o = std::make_shared<doctor_options>();
  auto* cmd = app.add_subcommand("doctor", "Check the host registration with each browser; exit 0 when all is well");
  std::vector<std::string> names;
  for (const auto& b : supported_browsers()) names.push_back(b.name);
  cmd->add_option("--browser", o->sel.browsers, "Only these browsers")->delimiter(',')->check(CLI::IsMember(names));
  cmd->add_option("--user-data-dir", o->sel.user_data_dirs, "Check a Chromium profile folder");
  cmd->add_option("--dir", o->sel.dirs, "Check a manifest folder");
  cmd->add_flag("--system", o->sel.system, "Check the system-wide folders");
  cmd->add_flag("--json", o->as_json, "Machine-readable report");
  cmd->add_option("--timeout-ms", o->timeout_ms, "How long to wait for the host's hello reply")->capture_default_str();
  cmd->callback([o] {
    const int code = run_doctor(*o);
    if (code != exit_ok) throw CLI::RuntimeError(code);
  });
}

}  // namespace vigie::cli
