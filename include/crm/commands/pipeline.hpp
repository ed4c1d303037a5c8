#pragma once
// crm pipeline
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct PipelineOptions {
    std::string owner;
    bool mine = false;
    std::string format = "table";
};

int pipeline(const PipelineOptions& o, Context& ctx);

}  // namespace crm::commands
