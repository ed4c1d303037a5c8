#pragma once
// The values an option takes that only the folder knows, for shell completion (cli's
// `crm completion --values`): the stages and tiers crm.yaml defines, and what the records
// hold, such as the titles of won opportunities for `review --project`.
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

// `command`: "review", or a group's subcommand as "opportunity add"; `option` without
// its dashes. Empty when the folder has nothing to offer for it. Throws like any read
// of the folder (no folder, a broken crm.yaml).
std::vector<std::string> option_values(const std::string& command, const std::string& option,
                                       Context& ctx);

}  // namespace crm::commands
