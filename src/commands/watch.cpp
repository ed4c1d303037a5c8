#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"

namespace crm::commands {

Runner register_watch(CLI::App& cmd) {
    return not_implemented(cmd, "watch");
}

}  // namespace crm::commands
