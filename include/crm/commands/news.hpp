#pragma once
// crm news
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct NewsOptions {
    std::string since;
};

int news(const NewsOptions& o, Context& ctx);

}  // namespace crm::commands
