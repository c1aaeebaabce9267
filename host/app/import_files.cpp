#include "app/import_files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "common/error.hpp"

extern char** environ;

namespace vigie::app {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view invitations_name = "Invitations.csv";
constexpr std::string_view connections_name = "Connections.csv";
constexpr std::string_view zip_name = "export.zip";

bool is_zip(const std::string& bytes) {
  // Local file header, or the end record of an empty archive.
  return bytes.rfind("PK\x03\x04", 0) == 0 || bytes.rfind("PK\x05\x06", 0) == 0;
}

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The private folder, removed with everything in it whatever happens.
class scratch_dir {
 public:
  explicit scratch_dir(const fs::path& parent) {
    std::string pattern = (parent / "import-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)  // mode 0700
      throw error(errc::storage_error, std::string("cannot create a folder for the import: ") + std::strerror(errno));
    path_ = pattern;
  }
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);  // never throws
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_new(const fs::path& file, const std::string& bytes) {
  // O_EXCL in our own fresh folder: nothing planted there can be followed.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) throw error(errc::storage_error, "cannot write the picked file for the import: " + std::string(std::strerror(errno)));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      throw error(errc::storage_error, "cannot write the picked file for the import: " + std::string(std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t p = 0; (p = text.find(from, p)) != std::string::npos; p += to.size()) text.replace(p, from.size(), to);
}

std::string rename_once(const std::string& text, const std::vector<std::pair<std::string, std::string>>& names) {
  std::string out;
  for (std::size_t p = 0; p < text.size();) {
    bool hit = false;
    for (const auto& [from, to] : names)
      if (text.compare(p, from.size(), from) == 0) {
        out += to;
        p += from.size();
        hit = true;
        break;
      }
    if (!hit) out += text[p++];
  }
  return out;
}

// "vigie: <message> [<code>]" (cli/main.cpp), the last such line of stderr.
std::pair<errc, std::string> cli_error(const std::string& err, int status) {
  std::string line;
  std::istringstream in(err);
  for (std::string l; std::getline(in, l);)
    if (l.rfind("vigie: ", 0) == 0) line = l.substr(7);
  errc code = status == 3 ? errc::not_found : errc::bad_import;
  if (const auto open = line.rfind(" ["); open != std::string::npos && !line.empty() && line.back() == ']') {
    code = errc_from_string(line.substr(open + 2, line.size() - open - 3)).value_or(errc::internal);
    line.erase(open);
  }
  if (line.empty()) line = "the import failed (status " + std::to_string(status) + ")";
  return {code, line};
}

}  // namespace

std::string decode_base64(std::string_view text) {
  static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::array<int, 256> value{};
  value.fill(-1);
  for (std::size_t i = 0; i < alphabet.size(); ++i) value[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) throw error(errc::bad_request, "\"data\" is not base64");
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    const int v = value[static_cast<unsigned char>(c)];
    if (v < 0) throw error(errc::bad_request, "\"data\" is not base64");
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

fs::path sibling_cli() {
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw error(errc::internal, "cannot find the vigie program: " + ec.message());
  return self.parent_path() / "vigie";
}

nlohmann::json import_picked_files(const std::vector<picked_file>& files, const fs::path& data_dir, const fs::path& cli,
                                   std::chrono::seconds timeout) {
  if (files.empty() || files.size() > max_picked_files)
    throw error(errc::bad_request, "\"files\" must hold 1 to " + std::to_string(max_picked_files) + " files");
  // Which file is which: the ZIP by its first bytes, the CSVs by their names
  // ("Invitations (1).csv" is still the invitations).
  std::optional<std::size_t> zip, invitations, connections;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    if (f.bytes.size() > max_picked_file_bytes)
      throw error(errc::bad_import, f.name + " is larger than " + std::to_string(max_picked_file_bytes >> 20) + " MiB");
    auto& slot = is_zip(f.bytes) ? zip
                 : lower(f.name).find("invitations") != std::string::npos ? invitations
                 : lower(f.name).find("connections") != std::string::npos ? connections
                                                                             : zip;
    if (&slot == &zip && !is_zip(f.bytes))
      throw error(errc::bad_import, f.name + " is neither LinkedIn's export ZIP nor its Invitations.csv or Connections.csv");
    if (slot) throw error(errc::bad_import, f.name + " and " + files[*slot].name + " are the same kind of file: pick one");
    slot = i;
  }
  if (zip && (invitations || connections))
    throw error(errc::bad_import, "pick the export ZIP, or the CSV files taken out of it, not both");

  scratch_dir dir(data_dir);
  std::vector<std::pair<std::string, std::string>> shown;  // path the CLI names -> the user's name
  fs::path target = dir.path();
  if (zip) {
    target = dir.path() / zip_name;
    write_new(target, files[*zip].bytes);
    shown.emplace_back(target.string(), files[*zip].name);
  }
  for (const auto& [slot, canonical] : {std::pair{invitations, invitations_name}, std::pair{connections, connections_name}}) {
    if (!slot) continue;
    const auto path = dir.path() / std::string(canonical);
    write_new(path, files[*slot].bytes);
    shown.emplace_back(path.string(), std::string(canonical));
  }
  shown.emplace_back(dir.path().string(), "the picked files");
  // The CLI names a CSV by its base name ("Invitations.csv line 3: ..."),
  // which becomes the name the user picked ("My Invitations.csv"), in one pass.
  std::vector<std::pair<std::string, std::string>> renamed;
  if (invitations) renamed.emplace_back(std::string(invitations_name), files[*invitations].name);
  if (connections) renamed.emplace_back(std::string(connections_name), files[*connections].name);

  const auto out_path = dir.path() / "summary.json";
  const auto err_path = dir.path() / "errors.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  const std::string program = cli.string(), target_arg = target.string();
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), const_cast<char*>("import"),
                             const_cast<char*>("linkedin-export"), const_cast<char*>(target_arg.c_str()),
                             const_cast<char*>("--json"), nullptr};
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw error(errc::internal, "cannot run " + program + " for the import: " + std::strerror(spawned) +
                                    " (reinstall Vigie: vigie and vigie-host belong in the same folder)");

  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) throw error(errc::internal, "lost the import process: " + std::string(std::strerror(errno)));
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      // It ran in one transaction: killed, it wrote nothing.
      throw error(errc::internal, "the import took longer than " + std::to_string(timeout.count()) +
                                      " s and was stopped; nothing was imported");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  if (code != 0) {
    auto [errc_value, message] = cli_error(read_all(err_path), code);
    for (const auto& [from, to] : shown) replace_all(message, from, to);
    message = rename_once(message, renamed);
    throw error(errc_value, message);
  }
  auto summary = nlohmann::json::parse(read_all(out_path), nullptr, false);
  if (summary.is_discarded() || !summary.is_object())
    throw error(errc::internal, "the import's summary could not be read");
  return summary;
}

}  // namespace vigie::app
