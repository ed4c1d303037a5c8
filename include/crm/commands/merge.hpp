#pragma once
// crm merge
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct MergeOptions {
    std::string keep;
    std::string other;
    std::string prefer;  // "", "keep" or "other": whose values win where they differ
};

int merge(const MergeOptions& o, Context& ctx);

}  // namespace crm::commands
