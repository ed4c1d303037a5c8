#pragma once
// crm show
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct ShowOptions {
    std::string client;
    render::OutputFormat format = render::OutputFormat::text;
};

int show(const ShowOptions& o, Context& ctx);

}  // namespace crm::commands
