#pragma once
// Runs the built `vigie` with a private VIGIE_HOME, a fixed clock and time
// zone, and captures its exit status, stdout and stderr.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace vigie_test {

namespace fs = std::filesystem;

struct cli_result {
  int status = -1;
  std::string out;
  std::string err;
  nlohmann::json json() const { return nlohmann::json::parse(out); }
};

inline std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh folder per test, removed afterwards.
class temp_home {
 public:
  temp_home() {
    char tmpl[] = "/tmp/vigie-cli-test-XXXXXX";
    path_ = ::mkdtemp(tmpl);
  }
  ~temp_home() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline cli_result run_vigie(const fs::path& home, const std::vector<std::string>& args,
                            const std::string& now = "2026-02-10T12:00:00+01:00") {
  std::vector<std::string> env_strings = {"VIGIE_HOME=" + (home / "data").string(), "TZ=Europe/Paris",
                                          "VIGIE_NOW=" + now, "HOME=" + home.string(), "PATH=/usr/bin:/bin"};
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_strings = {VIGIE_CLI_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  const auto out_file = home / "stdout.txt";
  const auto err_file = home / "stderr.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  cli_result r;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) == 0) {
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  }
  posix_spawn_file_actions_destroy(&actions);
  r.out = slurp(out_file);
  r.err = slurp(err_file);
  return r;
}

inline fs::path fixture(const std::string& name) {
  return fs::path(VIGIE_SOURCE_DIR) / "tests/fixtures/linkedin-export" / name;
}

}  // namespace vigie_test
