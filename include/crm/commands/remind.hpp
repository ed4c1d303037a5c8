#pragma once
// crm remind
#include <string>
#include <vector>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct RemindOptions {
    std::string within;
    DateText until;               // future-facing
    std::vector<std::string> to;  // only these teammates
    bool dry_run = false;
    std::string mbox;
    bool html = false;  // an HTML part: the teammate's section of `crm report`
};

int remind(const RemindOptions& o, Context& ctx);

}  // namespace crm::commands
