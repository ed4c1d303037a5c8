#pragma once
// crm list
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct ListOptions {
    std::string stage;
    std::string tier;
    std::vector<std::string> tags;
    std::string owner;
    std::vector<std::string> where;
    std::string format = "table";
    bool quiet = false;
};

int list(const ListOptions& o, Context& ctx);

}  // namespace crm::commands
