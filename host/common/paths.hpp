#pragma once
// Where Vigie keeps things. VIGIE_HOME wins (tests, portable installs); else
// the XDG base directories.
#include <filesystem>

namespace vigie {

struct paths {
  std::filesystem::path data_dir;    // database lives here (0700)
  std::filesystem::path log_dir;     // spdlog files
  std::filesystem::path config_dir;  // allowed-callers and other user config
  std::filesystem::path database() const { return data_dir / "vigie.db"; }
};

paths resolve_paths();
// Creates the folder (and parents) with mode 0700, and tightens an existing
// one that is group/world accessible.
void ensure_private_dir(const std::filesystem::path& dir);

}  // namespace vigie
