#pragma once
// The formats of `crm due`: a grouped table for people, JSON and CSV for programs,
// Markdown for mail, iCalendar for calendars.
#include <string>
#include <vector>

#include "crm/render/style.hpp"
#include "crm/reports/due.hpp"

namespace crm::render {

struct DueReport {
    std::vector<DueItem> items;
    Date today;
    Date until;  // the window's last day
};

std::string due_table(const DueReport& r, const Styler& styler, int width);
std::string due_json(const DueReport& r);
std::string due_csv(const DueReport& r);
std::string due_markdown(const DueReport& r);
std::string due_ics(const DueReport& r);

}  // namespace crm::render
