#pragma once
// crm's commands, in groups as `crm --help` lists them. A command is one `Command`: its
// name, summary, help footer and the function that declares its arguments (through the
// vocabulary of src/cli/args.hpp) and returns what runs it. Each group is a table in its
// own file (src/cli/commands_<group>.cpp); a new command is a row there, its code in
// commands/ and its man page.
#include <span>

#include "crm/commands/context.hpp"

namespace crm::cli {

class Args;

struct Command {
    const char* name;
    const char* summary;
    const char* footer;  // help after the options; "" for none
    commands::Runner (*declare)(Args& a);
};

struct CommandGroup {
    const char* title;  // "Record", "Look"...
    std::span<const Command> commands;
};

std::span<const CommandGroup> command_groups();

}  // namespace crm::cli
