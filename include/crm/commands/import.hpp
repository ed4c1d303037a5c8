#pragma once
// crm import
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct ImportOptions {
    std::string file;
    bool dry_run = false;
};

int import_file(const ImportOptions& o, Context& ctx);

}  // namespace crm::commands
