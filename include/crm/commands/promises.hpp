#pragma once
// crm promises
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct PromisesOptions {
    std::string client;
    bool all = false;
    bool overdue = false;
    bool mine = false;
    std::string format = "table";
};

int promises(const PromisesOptions& o, Context& ctx);

}  // namespace crm::commands
