#pragma once
// Spawns a built binary (vigie-host or vigie) with pipes on stdin/stdout/
// stderr, for integration tests: frames in, frames out, with timeouts so a
// hung host fails the test instead of hanging it.
#include <nlohmann/json.hpp>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigie::test {

inline constexpr const char* our_origin = "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/";

// A fresh private folder, removed when the object goes away.
class temp_home {
 public:
  temp_home();
  ~temp_home();
  temp_home(const temp_home&) = delete;
  temp_home& operator=(const temp_home&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class process {
 public:
  // env entries are added to (or override) the current environment.
  process(const std::string& binary, const std::vector<std::string>& args,
          const std::map<std::string, std::string>& env = {});
  ~process();
  process(const process&) = delete;
  process& operator=(const process&) = delete;

  void write(const std::string& bytes);
  void write_frame(const std::string& payload);
  void send(const nlohmann::json& message) { write_frame(message.dump()); }
  void close_stdin();

  // Next complete frame from stdout, or nullopt on EOF / timeout.
  std::optional<std::string> read_frame(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  std::optional<nlohmann::json> read_json(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // One request, its reply.
  nlohmann::json call(const nlohmann::json& message);

  // Everything left on stdout until EOF (bytes outside frames show up here).
  std::string read_rest(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  std::string read_stderr();
  // Exit status, or -signal if killed; waits up to timeout, then kills (-9).
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  void kill(int signo);
  pid_t pid() const { return pid_; }

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  std::string out_buffer_;
  bool out_eof_ = false;
  std::optional<int> status_;
};

// Runs a command to completion with optional stdin; returns {status, stdout, stderr}.
struct run_result {
  int status;
  std::string out;
  std::string err;
};
run_result run(const std::string& binary, const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env = {}, const std::string& input = "");

}  // namespace vigie::test
