#pragma once
// What the completion scripts know of crm's command line, read from the CLI11
// definitions at run time so that the scripts never fall behind the commands: every
// command (and command of a command), its options, its positionals, and what kind of
// word each of them takes.
//
// A kind is one of:
//   ""              free text or a date: nothing to offer, and never file names
//   "files", "dirs" names on disk
//   "words:a b c"   a fixed set (the validator's, or crm's: ratings, fields)
//   "values:NAME"   from the folder, by `crm completion --values NAME [--of CLIENT]`:
//                   clients, contacts (of the client typed before), team, stages, tiers,
//                   projects
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace crm::cli {

struct OptionSpec {
    std::vector<std::string> names;  // "--format", "-q"
    bool takes_value = false;        // a flag (--all, -q, --dry-run) takes none
    std::string kind;                // of its value
    std::string description;
};

struct PositionalSpec {
    std::string name;  // CLIENT, CONTACT, FILE...
    std::string kind;
    bool repeats = false;  // NAME... takes every word after it
};

struct CommandSpec {
    std::string name;  // "contact add" for a command of a command
    std::string summary;
    std::vector<OptionSpec> options;
    std::vector<PositionalSpec> positionals;
    std::vector<std::string> subcommands;  // "add", "set", "rm" of `contact`
};

// Every command of `app`, depth first.
std::vector<CommandSpec> commands_of(const CLI::App& app);
// The options of `app` itself (the global ones for the root).
std::vector<OptionSpec> options_of(const CLI::App& app, const std::string& command);
// The commands a person types after `crm`: not those of another command.
std::vector<CommandSpec> top_level(const std::vector<CommandSpec>& cmds);

}  // namespace crm::cli
