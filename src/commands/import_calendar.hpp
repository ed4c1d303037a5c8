#pragma once
// crm import's calendar half (spec section 3, "Capture"): an .ics file, or a vdir of them,
// as the client meetings it holds. Each ended, not-cancelled event whose organizer or
// attendees match a client (capture_match, the rule mail capture uses) becomes a
// `kind: meeting` visit with `report: pending`; importing again changes nothing, and a
// moved event moves its still-pending visit. One commit per run.
#include <string>

#include "crm/commands/context.hpp"
#include "crm/commands/import.hpp"

namespace crm::commands {

// Whether `path` is for import_calendar: an .ics file (by its extension, else by its
// first line), or a folder holding .ics files.
bool is_calendar_input(const std::string& path);

int import_calendar(const ImportOptions& o, Context& ctx);

}  // namespace crm::commands
