#pragma once
// The one table of crm's commands: name, one-line summary, and the function that adds
// the command's options and returns what runs it.
#include <span>

#include "crm/commands/context.hpp"

namespace crm::cli {

struct CommandInfo {
    const char* name;
    const char* summary;
    commands::Registrar add;
};

std::span<const CommandInfo> command_table();

}  // namespace crm::cli
