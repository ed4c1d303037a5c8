#pragma once
// crm funnel
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct FunnelOptions {
    std::string format = "table";
};

int funnel(const FunnelOptions& o, Context& ctx);

}  // namespace crm::commands
