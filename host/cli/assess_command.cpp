#include "cli/assess_command.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "app/lexicon_loader.hpp"
#include "app/profile_json.hpp"
#include "common/error.hpp"
#include "domain/assessment.hpp"
#include "protocol/message.hpp"

namespace vigie::cli {

namespace {

std::string error_line(errc code, std::string_view message) {
  return protocol::dump(
      nlohmann::json{{"error", {{"code", std::string(to_string(code))}, {"message", message}}}});
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
      reply = protocol::dump(app::to_json(domain::assess(p, lexicons)));
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
      "that is not a record. Unknown fields are ignored; missing ones count as not observed.");
  auto file = std::make_shared<std::string>();
  auto lexicon_dir = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "JSON-lines file (default: standard input)");
  cmd->add_option("--lexicons", *lexicon_dir,
                  "folder of lexicon files (default: $VIGIE_DATA_DIR/lexicons, then the installed ones)");
  cmd->callback([file, lexicon_dir] {
    if (!lexicon_dir->empty() && !std::filesystem::is_directory(*lexicon_dir)) {
      throw error(errc::not_found, "no lexicon folder " + *lexicon_dir);
    }
    const domain::lexicon_set lexicons =
        lexicon_dir->empty() ? app::shipped_lexicons() : app::load_lexicons(*lexicon_dir);
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
