#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"

namespace crm::commands {

Runner register_import(CLI::App& cmd) {
    return not_implemented(cmd, "import");
}

}  // namespace crm::commands
