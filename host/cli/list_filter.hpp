#pragma once
// The invitations.list filters as command-line options, shared by `vigie
// list` and `vigie export` so both select rows the same way.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace vigie::cli {

struct list_filter {
  std::string direction, status, network, since, until, text;

  void add_options(CLI::App* cmd);
  // The request body for invitations.list, without limit/offset.
  nlohmann::json to_body() const;
};

}  // namespace vigie::cli
