#pragma once
// crm pipeline
#include <string>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct PipelineOptions {
    std::string owner;
    bool mine = false;
    render::OutputFormat format = render::OutputFormat::table;
};

int pipeline(const PipelineOptions& o, Context& ctx);

}  // namespace crm::commands
