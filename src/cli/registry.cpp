#include "crm/cli/registry.hpp"

#include "args.hpp"

namespace crm::cli {

std::span<const CommandGroup> command_groups() {
    static const CommandGroup kGroups[] = {
        {"Record what happened", record_commands()},
        {"See what is due and how things stand", look_commands()},
        {"Keep clients and contacts right", client_commands()},
        {"Follow prospective projects", deal_commands()},
        {"Work as a team", team_commands()},
        {"Look after the folder", keep_commands()},
    };
    return kGroups;
}

}  // namespace crm::cli
