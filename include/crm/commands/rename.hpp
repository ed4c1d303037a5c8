#pragma once
// crm rename
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct RenameOptions {
    std::string client;
    std::string name;   // the new name
    bool slug = false;  // move the folder to the new name's slug too
};

int rename(const RenameOptions& o, Context& ctx);

}  // namespace crm::commands
