#pragma once
// crm export
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct ExportOptions {
    std::string format = "json";
    std::string what;
};

int export_all(const ExportOptions& o, Context& ctx);

}  // namespace crm::commands
