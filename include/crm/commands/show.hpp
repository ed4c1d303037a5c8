#pragma once
// crm show
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct ShowOptions {
    std::string client;
    std::string format = "text";
};

int show(const ShowOptions& o, Context& ctx);

}  // namespace crm::commands
