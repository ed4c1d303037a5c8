#pragma once
// crm due
#include <string>
#include <vector>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct DueOptions {
    std::string within;
    DateText until;  // future-facing
    std::string owner;
    bool mine = false;
    std::string tier;
    std::vector<std::string> tags;
    render::OutputFormat format = render::OutputFormat::table;
};

int due(const DueOptions& o, Context& ctx);

// The last day of a `due` window: --until (a date; in the past shows only what is
// overdue), else --within from today, else the folder's due_within. Shared with remind.
Date due_window_end(const std::string& within, const DateText& until, const Settings& s,
                    Date today);

}  // namespace crm::commands
