#pragma once
// crm promises
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct PromisesOptions {
    std::string client;
    bool all = false;
    bool overdue = false;
    bool mine = false;
    render::OutputFormat format = render::OutputFormat::table;
};

int promises(const PromisesOptions& o, Context& ctx);

}  // namespace crm::commands
