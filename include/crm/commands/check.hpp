#pragma once
// crm check
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct CheckOptions {
    render::OutputFormat format = render::OutputFormat::text;
};

int check(const CheckOptions& o, Context& ctx);

}  // namespace crm::commands
