#pragma once
// The invitations.list filters as command-line options, shared by `vigie
// list` and `vigie export` so both select rows the same way, and as the
// repository's filter they are read into (the host's handlers read the same
// filter from a request).
#include <CLI/CLI.hpp>
#include <string>

#include "storage/invitations_repository.hpp"

namespace vigie::cli {

struct list_filter {
  std::string direction, status, network, since, until, text;

  void add_options(CLI::App* cmd);
  // The filter, its text prepared for the search (app::prepare_text_search);
  // limit and offset are the caller's.
  storage::list_filter to_filter() const;
};

}  // namespace vigie::cli
