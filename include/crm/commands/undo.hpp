#pragma once
// crm undo, crm log: the folder's history, from git.
#include <string>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

// Takes back the last commit crm made in this clone (git/undo.hpp says how).
int undo(Context& ctx);

struct LogOptions {
    std::string client;  // empty: the whole folder
    DateText since;      // past-facing; empty: all
    render::OutputFormat format = render::OutputFormat::table;
};

int log_history(const LogOptions& o, Context& ctx);

}  // namespace crm::commands
