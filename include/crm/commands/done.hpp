#pragma once
// crm done
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct DoneOptions {
    std::string client;
    std::vector<std::string> item;  // words of ITEM, so quotes are optional
    std::string date;
};

int done(const DoneOptions& o, Context& ctx);

}  // namespace crm::commands
