#pragma once
// crm done
#include <string>
#include <vector>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct DoneOptions {
    std::string client;
    // Each an item: its number in `crm promises` or a unique piece of its text. Several
    // words that together name one item (no quotes typed) are that item.
    std::vector<std::string> items;
    DateText date;  // past-facing; empty: today
};

int done(const DoneOptions& o, Context& ctx);

}  // namespace crm::commands
