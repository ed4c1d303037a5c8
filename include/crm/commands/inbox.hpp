#pragma once
// crm inbox: the captured messages that matched no client, or several.
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct InboxOptions {
    std::string action;  // empty: list; "file" or "drop"
    std::string number;  // N, as the list numbers them
    std::string client;  // file: whose it is
};

int inbox(const InboxOptions& o, Context& ctx);

}  // namespace crm::commands
