#pragma once
// crm sync
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

int sync(Context& ctx);

}  // namespace crm::commands
