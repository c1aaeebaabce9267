#pragma once
// Runs the built `vigie` through the shell with HOME and VIGIE_HOME pointing
// into a throwaway `home`, for the install and doctor tests (which need the
// shell's word splitting of their argument strings). stderr is folded in.
// PATH is `home`/bin only: the browsers installed on the machine running the
// tests must not change what `vigie install` finds (a test puts fake browser
// programs there to say "installed").
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace vigie::test {

struct shell_result {
  int status;
  std::string output;
};

inline shell_result run_vigie_shell(const std::filesystem::path& home, const std::string& args) {
  const std::string cmd = "HOME='" + home.string() + "' VIGIE_HOME='" + (home / "vigie-home").string() + "' PATH='" +
                          (home / "bin").string() + "' '" + VIGIE_CLI_BINARY + "' " + args + " 2>&1";
  shell_result r{-1, {}};
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  while (auto n = std::fread(buf, 1, sizeof buf, p)) r.output.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace vigie::test
