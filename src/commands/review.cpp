#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"

namespace crm::commands {

Runner register_review(CLI::App& cmd) {
    return not_implemented(cmd, "review");
}

}  // namespace crm::commands
