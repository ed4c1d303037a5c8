#pragma once
// crm set
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct SetOptions {
    std::string client;
    std::string field;
    std::string value;
};

int set(const SetOptions& o, Context& ctx);

}  // namespace crm::commands
