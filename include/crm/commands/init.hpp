#pragma once
// crm init
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct InitOptions {
    std::string dir;
};

int init(const InitOptions& o, Context& ctx);

}  // namespace crm::commands
