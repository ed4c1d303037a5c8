#pragma once
// Reading a command line as crm declared it (spec.hpp), word by word, the way CLI11 will
// parse it: options anywhere (the global ones after the command too), `--opt=value`, a
// value that starts with a dash and a digit (`--date -2d`), `--` before positionals.
//
// Before CLI11 parses, `check_usage` reads the line and throws a UsageError in crm's own
// words, one line and a hint (exit 2), for anything CLI11 would refuse: an unknown
// command or option (with the closest ones: `crm opp` -> opportunity, --no-colour ->
// --no-color; an abbreviation is never run, as git does not: it would stop working the
// day a second command starts with it), no command, a missing argument or value, a value
// not among the allowed ones, two options that exclude each other. The completion reads
// the words typed so far with the same reader.
#include <string>
#include <vector>

#include "spec.hpp"

namespace crm::cli {

struct Reading {
    const CommandSpec* command = nullptr;  // the deepest command named (contact add)
    std::vector<std::string> positionals;  // the values of its positionals, in order
    std::vector<const OptionSpec*> given;  // each option given, once per use
    std::vector<std::string> dir;          // `--dir PATH` as typed, for the completion
    bool help = false;                     // --help or --version: CLI11 answers
    // The last word read was an option that still waits for its value.
    const OptionSpec* wants_value = nullptr;
    bool after_dashes = false;  // a `--` was read: every word after it is a positional
};

// Throws UsageError for the first thing wrong with `words` (argv without argv[0]).
Reading check_usage(const Spec& spec, const std::vector<std::string>& words);

// Reads `words` as far as it can and never throws: what a completion needs to know.
Reading read_leniently(const Spec& spec, const std::vector<std::string>& words);

// Whether `word` reads as an option (not `-`, not `-2d`, not after `--`).
bool looks_like_option(const std::string& word);

// The names closest to `word` among `names` (a prefix of one, or a typo away), best first.
std::vector<std::string> closest(const std::string& word, const std::vector<std::string>& names);

}  // namespace crm::cli
