#include "support/host_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <random>
#include <stdexcept>

extern char** environ;

namespace vigie::test {

temp_home::temp_home() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("vigie-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

temp_home::~temp_home() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

process::process(const std::string& binary, const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env) {
  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC))
    throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);

  std::vector<std::string> argv_s{binary};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::map<std::string, std::string> merged;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    const auto eq = kv.find('=');
    if (eq != std::string::npos) merged[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : env) merged[k] = v;
  std::vector<std::string> env_s;
  for (const auto& [k, v] : merged) env_s.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  const int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  in_ = in[1];
  out_ = out[0];
  err_ = err[0];
  if (rc != 0) throw std::runtime_error("cannot start " + binary + ": " + std::strerror(rc));
  ::signal(SIGPIPE, SIG_IGN);  // a host that exits early must not kill the test
}

process::~process() {
  if (in_ >= 0) ::close(in_);
  if (!status_) wait(std::chrono::seconds(5));
  if (out_ >= 0) ::close(out_);
  if (err_ >= 0) ::close(err_);
}

void process::write(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(in_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;  // host gone: the test's assertions on replies will say so
    }
    done += static_cast<std::size_t>(n);
  }
}

void process::write_frame(const std::string& payload) {
  const auto length = static_cast<std::uint32_t>(payload.size());
  std::string frame(4, '\0');
  std::memcpy(frame.data(), &length, 4);
  write(frame + payload);
}

void process::close_stdin() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
}

bool process::fill(std::chrono::steady_clock::time_point deadline) {
  if (out_eof_) return false;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{out_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char buf[65536];
  const ssize_t n = ::read(out_, buf, sizeof buf);
  if (n <= 0) {
    out_eof_ = true;
    return false;
  }
  out_buffer_.append(buf, static_cast<std::size_t>(n));
  return true;
}

std::optional<std::string> process::read_frame(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (out_buffer_.size() >= 4) {
      std::uint32_t length = 0;
      std::memcpy(&length, out_buffer_.data(), 4);
      if (out_buffer_.size() >= 4 + static_cast<std::size_t>(length)) {
        std::string payload = out_buffer_.substr(4, length);
        out_buffer_.erase(0, 4 + static_cast<std::size_t>(length));
        return payload;
      }
    }
    if (!fill(deadline)) return std::nullopt;
  }
}

std::optional<nlohmann::json> process::read_json(std::chrono::milliseconds timeout) {
  auto frame = read_frame(timeout);
  if (!frame) return std::nullopt;
  return nlohmann::json::parse(*frame);
}

nlohmann::json process::call(const nlohmann::json& message) {
  send(message);
  auto reply = read_json();
  if (!reply) throw std::runtime_error("no reply to " + message.dump());
  return *reply;
}

std::string process::read_rest(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (fill(deadline)) {
  }
  std::string rest = std::move(out_buffer_);
  out_buffer_.clear();
  return rest;
}

std::string process::read_stderr() {
  std::string all;
  char buf[4096];
  for (;;) {
    pollfd p{err_, POLLIN, 0};
    if (::poll(&p, 1, 2000) <= 0) break;
    const ssize_t n = ::read(err_, buf, sizeof buf);
    if (n <= 0) break;
    all.append(buf, static_cast<std::size_t>(n));
  }
  return all;
}

int process::wait(std::chrono::milliseconds timeout) {
  if (status_) return *status_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int raw = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid_, &raw, WNOHANG);
    if (r == pid_) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &raw, 0);
      break;
    }
    ::usleep(2000);
  }
  status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -WTERMSIG(raw);
  return *status_;
}

void process::kill(int signo) { ::kill(pid_, signo); }

run_result run(const std::string& binary, const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env, const std::string& input) {
  process p(binary, args, env);
  p.write(input);
  p.close_stdin();
  run_result r;
  r.out = p.read_rest(std::chrono::seconds(60));
  r.err = p.read_stderr();
  r.status = p.wait(std::chrono::seconds(60));
  return r;
}

}  // namespace vigie::test
