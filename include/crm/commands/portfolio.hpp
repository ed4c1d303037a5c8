#pragma once
// crm portfolio
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct PortfolioOptions {
    render::OutputFormat format = render::OutputFormat::table;
};

int portfolio(const PortfolioOptions& o, Context& ctx);

}  // namespace crm::commands
