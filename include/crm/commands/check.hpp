#pragma once
// crm check
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct CheckOptions {
    std::string format = "text";
};

int check(const CheckOptions& o, Context& ctx);

}  // namespace crm::commands
