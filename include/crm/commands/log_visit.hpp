#pragma once
// crm log-visit
#include <string>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct LogVisitOptions {
    std::string client;
    std::string summary;  // goes to notes; "-" reads a whole visit as YAML from stdin
    FieldTexts visit;     // the visit's fields as typed, by key (schema/records.cpp's rows)
    bool edit = false;
    // --meeting DATE|FILE: write up that meeting taken from the calendar (report: pending)
    // instead of logging a new visit.
    std::string meeting;
    bool force = false;  // keep a date on the wrong side of today
};

int log_visit(const LogVisitOptions& o, Context& ctx);

}  // namespace crm::commands
