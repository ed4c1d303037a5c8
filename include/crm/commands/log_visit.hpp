#pragma once
// crm log-visit
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct LogVisitOptions {
    std::string client;
    std::string summary;
    std::string date;
    std::string kind = "visit";
    std::string where;
    std::string initiated_by;
    std::vector<std::string> with;
    std::vector<std::string> discussed;
    std::vector<std::string> new_topics;
    std::vector<std::string> promises;
    std::vector<std::string> actions;
    std::string next;
    std::string note;
    bool edit = false;
    // --meeting DATE|FILE: write up that meeting taken from the calendar (report: pending)
    // instead of logging a new visit.
    std::string meeting;
};

int log_visit(const LogVisitOptions& o, Context& ctx);

}  // namespace crm::commands
