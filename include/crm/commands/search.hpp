#pragma once
// crm search
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct SearchOptions {
    std::vector<std::string> words;
    std::string format = "table";
};

int search(const SearchOptions& o, Context& ctx);

}  // namespace crm::commands
