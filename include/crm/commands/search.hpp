#pragma once
// crm search
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct SearchOptions {
    std::vector<std::string> words;
    render::OutputFormat format = render::OutputFormat::table;
};

int search(const SearchOptions& o, Context& ctx);

}  // namespace crm::commands
