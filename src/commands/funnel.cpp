#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"

namespace crm::commands {

Runner register_funnel(CLI::App& cmd) {
    return not_implemented(cmd, "funnel");
}

}  // namespace crm::commands
