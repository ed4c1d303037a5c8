#pragma once
// crm rm
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct RmOptions {
    std::string client;
    bool yes = false;  // no question asked; required when standard input is no terminal
};

int rm(const RmOptions& o, Context& ctx);

}  // namespace crm::commands
