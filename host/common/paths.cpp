#include "common/paths.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <system_error>

#include "common/error.hpp"

namespace vigie {

namespace {

std::filesystem::path env_path(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path home() {
  auto h = env_path("HOME");
  if (h.empty()) throw error(errc::storage_error, "neither VIGIE_HOME nor HOME is set: no place for the data");
  return h;
}

std::filesystem::path xdg(const char* name, const char* fallback) {
  auto base = env_path(name);
  // XDG says relative values are invalid and must be ignored.
  if (base.empty() || base.is_relative()) base = home() / fallback;
  return base / "vigie";
}

}  // namespace

paths resolve_paths() {
  paths p;
  if (auto vh = env_path("VIGIE_HOME"); !vh.empty()) {
    vh = std::filesystem::absolute(vh);
    p.data_dir = vh;
    p.log_dir = vh / "logs";
    p.config_dir = vh;
    return p;
  }
  p.data_dir = xdg("XDG_DATA_HOME", ".local/share");
  p.log_dir = xdg("XDG_STATE_HOME", ".local/state");
  p.config_dir = xdg("XDG_CONFIG_HOME", ".config");
  return p;
}

void ensure_private_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw error(errc::storage_error, "cannot create " + dir.string() + ": " + ec.message());
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0 && (st.st_mode & 077) != 0) ::chmod(dir.c_str(), 0700);
}

}  // namespace vigie
