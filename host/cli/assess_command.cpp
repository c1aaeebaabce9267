#include "cli/assess_command.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/lexicon_loader.hpp"
#include "app/note_models.hpp"
#include "app/profile_json.hpp"
#include "app/settings_json.hpp"
#include "cli/session.hpp"
#include "common/error.hpp"
#include "common/paths.hpp"
#include "domain/assessment.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

using json = nlohmann::json;

namespace {

std::string error_line(errc code, std::string_view message) {
  return protocol::dump(
      nlohmann::json{{"error", {{"code", std::string(to_string(code))}, {"message", message}}}});
}

// stdout carries the answers, and assessing a file must leave nothing behind:
// log lines (a bad lexicon line, a stored setting this version does not know)
// go to stderr, warnings and worse unless VIGIE_LOG_LEVEL says otherwise.
void log_to_stderr() {
  auto logger = std::make_shared<spdlog::logger>("vigie", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  const char* level = std::getenv("VIGIE_LOG_LEVEL");
  logger->set_level(level && *level ? spdlog::level::from_str(level) : spdlog::level::warn);
  logger->set_pattern("vigie: %l: %v");
  spdlog::set_default_logger(logger);
}

// The settings in the user's database, as settings.get returns them (the
// object the host merges the lexicons from), or nullopt when there is no
// database: assessing a file must not create one.
std::optional<json> stored_settings() {
  vigie::paths p;
  try {
    p = resolve_paths();
  } catch (const error&) {
    return std::nullopt;  // neither VIGIE_HOME nor HOME: there is no database to read
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p.database(), ec)) return std::nullopt;
  // The database exists: open it as the other commands do (no data folder or
  // log file is created for it) and read the settings as the host sees them.
  session s(p, {}, domain::clock_from_environment());
  return app::settings_json(s.context().settings());
}

}  // namespace

std::size_t assess_lines(std::istream& in, std::ostream& out, const domain::lexicon_set& lexicons) {
  std::size_t failed = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string reply;
    try {
      if (line.find_first_not_of(" \t") == std::string::npos) {
        throw error(errc::bad_json, "empty line");
      }
      const auto record = protocol::parse_object(line);
      const auto p = app::profile_from_json(record, app::identity::optional);
      reply = protocol::dump(app::to_json(domain::assess(p, lexicons, app::shipped_models_for(p))));
    } catch (const error& e) {
      ++failed;
      reply = error_line(e.code(), e.what());
    } catch (const std::exception& e) {
      ++failed;
      reply = error_line(errc::internal, e.what());
    }
    // Flushed per line so a caller can feed records one at a time through a pipe.
    out << reply << '\n' << std::flush;
  }
  return failed;
}

void add_assess_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "assess",
      "Assess profile records for signs of a fake account. Reads JSON lines (one profile record\n"
      "per line, as in docs/PROTOCOL.md) and writes one JSON line per input line, in order: the\n"
      "assessment {score, level, reasons, verdict}, or {\"error\": {code, message}} for a line\n"
      "that is not a record. Unknown fields are ignored; missing ones count as not observed.\n"
      "Lexicons: the shipped ones (or --lexicons DIR instead), then your additions and removals\n"
      "(settings lexicon.odd_titles.add/remove, lexicon.scam_phrases.add/remove) from your\n"
      "database, as the browser extension sees them. Nothing is created when there is no\n"
      "database; verdicts given to people (person.mark) are not applied.");
  auto file = std::make_shared<std::string>();
  auto lexicon_dir = std::make_shared<std::string>();
  auto no_settings = std::make_shared<bool>(false);
  cmd->add_option("FILE", *file, "JSON-lines file (default: standard input)");
  cmd->add_option("--lexicons", *lexicon_dir,
                  "folder of lexicon files, replacing the shipped ones (default: $VIGIE_DATA_DIR/lexicons,\n"
                  "then the installed ones); your lexicon settings still apply on top");
  cmd->add_flag("--no-settings", *no_settings,
                "ignore the lexicon settings in your database: the shipped (or --lexicons) lists only");
  cmd->callback([file, lexicon_dir, no_settings] {
    log_to_stderr();
    if (!lexicon_dir->empty() && !std::filesystem::is_directory(*lexicon_dir)) {
      throw error(errc::not_found, "no lexicon folder " + *lexicon_dir);
    }
    domain::lexicon_set lexicons = lexicon_dir->empty() ? app::shipped_lexicons() : app::load_lexicons(*lexicon_dir);
    // What the host's profile.assess uses is with_overrides(shipped_lexicons(),
    // settings): the same merge, on the base the user chose.
    if (const auto settings = *no_settings ? std::nullopt : stored_settings())
      lexicons = app::with_overrides(lexicons, *settings);
    if (file->empty() || *file == "-") {
      assess_lines(std::cin, std::cout, lexicons);
      return;
    }
    std::ifstream in(*file, std::ios::binary);
    if (!in) throw error(errc::not_found, "cannot open " + *file);
    assess_lines(in, std::cout, lexicons);
  });
}

}  // namespace vigie::cli
