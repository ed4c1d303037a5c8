#pragma once
// The whole command line of one run: CLI11's App with every command declared (the
// registry's groups, through args.hpp), the Spec recorded with it, the global options,
// and what runs the command CLI11 finds.
#include <CLI/CLI.hpp>

#include <memory>

#include "crm/commands/context.hpp"

#include "spec.hpp"

namespace crm::cli {

struct CommandLine {
    CLI::App app;
    Spec spec;
    commands::GlobalOptions global;
    commands::Runner selected;  // set when CLI11 parses a command
};

// `help_width`: the columns help is fitted to.
std::unique_ptr<CommandLine> command_line(int help_width);

}  // namespace crm::cli
