#pragma once
#include <CLI/CLI.hpp>
#include <iosfwd>

#include "domain/lexicon.hpp"

namespace vigie::cli {

// `vigie assess [FILE]`: JSON lines of profile records in (stdin when no
// FILE), one JSON line out per line in, in order. Lexicons: the shipped ones
// (or --lexicons DIR), with the user's lexicon settings on top when their
// database exists (the merge profile.assess uses); never creates a database.
void add_assess_command(CLI::App& app);

// The loop behind it, separate so tests need no process: each input line gives
// the assessment, or {"error": {code, message}} for a line that is not a
// profile record; a bad line never stops the stream. Returns the number of
// lines that failed.
std::size_t assess_lines(std::istream& in, std::ostream& out, const domain::lexicon_set& lexicons);

}  // namespace vigie::cli
