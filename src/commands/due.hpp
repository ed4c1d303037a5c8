#pragma once
// crm due
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct DueOptions {
    std::string within;
    std::string until;
    std::string owner;
    bool mine = false;
    std::string tier;
    std::vector<std::string> tags;
    std::string format = "table";
};

int due(const DueOptions& o, Context& ctx);

}  // namespace crm::commands
