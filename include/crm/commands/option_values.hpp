#pragma once
// Values only the records know, for shell completion (cli's `crm completion --values`):
// the titles of won opportunities, which `review --project` names.
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

// Won opportunities' titles, latest win first, each once; of one client when `client`
// names one, else of every client. Reads the opportunity files only. Throws like any read
// of the folder (no folder, a broken crm.yaml, a client that does not resolve).
std::vector<std::string> won_projects(Context& ctx, const std::string& client);

}  // namespace crm::commands
