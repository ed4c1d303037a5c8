#pragma once
// crm news
#include <string>
#include <vector>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct NewsOptions {
    DateText since;  // past-facing
};

int news(const NewsOptions& o, Context& ctx);

}  // namespace crm::commands
