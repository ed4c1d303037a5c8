#pragma once
// The values an option's argument completes from, asked by the completion scripts as
// `crm completion --values COMMAND OPTION` when the word before the cursor is an option
// that takes a value: the choices CLI11 checks (--format, --kind...), else what the folder
// knows (commands/option_values.hpp: --stage, --tier, review --project...). Nothing (the
// shell's own completion) for the rest.
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace CLI {
class App;
}

namespace crm::cli {

// `command`: "due", or a group's subcommand as "opportunity add"; `option` without its
// dashes. Never throws: a missing folder or an unknown option gives no values.
std::vector<std::string> option_values(CLI::App& app, const std::string& command,
                                       const std::string& option, commands::Context& ctx);

}  // namespace crm::cli
