#pragma once
// crm edit
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct EditOptions {
    std::string client;
    std::string visit;
};

int edit(const EditOptions& o, Context& ctx);

}  // namespace crm::commands
