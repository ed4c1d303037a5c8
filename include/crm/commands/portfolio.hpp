#pragma once
// crm portfolio
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct PortfolioOptions {
    std::string format = "table";
};

int portfolio(const PortfolioOptions& o, Context& ctx);

}  // namespace crm::commands
