#pragma once
// crm funnel
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct FunnelOptions {
    render::OutputFormat format = render::OutputFormat::table;
};

int funnel(const FunnelOptions& o, Context& ctx);

}  // namespace crm::commands
