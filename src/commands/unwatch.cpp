#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/watching.hpp"

namespace crm::commands {

Runner register_unwatch(CLI::App& cmd) {
    auto client = std::make_shared<std::string>();
    cmd.add_option("CLIENT", *client, "The client: slug, name, or a unique part of either")
        ->required();
    return [client](Context& ctx) { return change_watching(ctx, *client, false); };
}

}  // namespace crm::commands
