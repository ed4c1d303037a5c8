#pragma once
// The one table of crm's commands: name, one-line summary, and the function that adds
// the command's options and returns what runs it.
#include <span>

#include "crm/commands/context.hpp"

namespace CLI {
class App;
}

namespace crm::cli {

// A command adds its options to its CLI11 subcommand `cmd` and returns what runs it.
using Registrar = commands::Runner (*)(CLI::App& cmd);

struct CommandInfo {
    const char* name;
    const char* summary;
    Registrar add;
};

std::span<const CommandInfo> command_table();

}  // namespace crm::cli
