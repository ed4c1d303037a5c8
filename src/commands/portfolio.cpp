#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"

namespace crm::commands {

Runner register_portfolio(CLI::App& cmd) {
    return not_implemented(cmd, "portfolio");
}

}  // namespace crm::commands
