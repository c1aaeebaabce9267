#pragma once
// `vigie doctor`: is the host registered with each browser, valid, and does it
// answer `hello` when started the way the browser starts it?
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/host_manifest.hpp"
#include "cli/install.hpp"

namespace vigie::cli {

struct hello_result {
  bool answered = false;
  std::string host_version;
  std::string data_dir;
  std::string error;  // why not, in words
};

// Spawns `host` with the caller arguments the browser would pass (Chromium:
// chrome-extension://<id>/; Firefox: manifest path + add-on id), in the host's
// folder, sends a framed {"id":1,"type":"hello"} and waits for the reply.
hello_result probe_host(const std::filesystem::path& host, const std::vector<std::string>& caller_args,
                        std::chrono::milliseconds timeout);

struct doctor_check {
  manifest_target target;
  std::filesystem::path manifest;
  manifest_check manifest_state;
  hello_result hello;
  std::vector<manifest_problem> problems;  // manifest's plus the probe's
  bool ok() const { return problems.empty(); }
};

doctor_check check_target(const manifest_target& target, std::chrono::milliseconds timeout);
nlohmann::json to_json(const std::vector<doctor_check>& checks);

void add_doctor_command(CLI::App& app);

}  // namespace vigie::cli
