#pragma once
// crm list
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct ListOptions {
    std::string stage;
    std::string tier;
    std::vector<std::string> tags;
    std::string owner;
    std::vector<std::string> where;
    render::OutputFormat format = render::OutputFormat::table;
    bool quiet = false;
};

int list(const ListOptions& o, Context& ctx);

}  // namespace crm::commands
