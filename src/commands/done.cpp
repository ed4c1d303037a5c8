#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"

namespace crm::commands {

Runner register_done(CLI::App& cmd) {
    return not_implemented(cmd, "done");
}

}  // namespace crm::commands
