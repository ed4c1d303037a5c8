#pragma once
// The formats of `crm due`: a grouped table for people, JSON and CSV for programs,
// Markdown for mail, iCalendar for calendars.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "crm/render/style.hpp"
#include "crm/reports/due.hpp"

namespace crm::render {

struct DueReport {
    std::vector<DueItem> items;
    Date today;
    Date until;             // the window's last day
    std::size_t inbox = 0;  // captured messages waiting in inbox/ for their client
};

// "3 messages in the inbox (crm inbox)": the line the table and Markdown end with when
// the inbox holds any.
std::string inbox_line(std::size_t messages);

std::string due_table(const DueReport& r, const Styler& styler, int width);
std::string due_json(const DueReport& r);
std::string due_csv(const DueReport& r);
std::string due_markdown(const DueReport& r);
// `modified` says when what an item shows last changed (seconds since the epoch, 0:
// unknown): each event's LAST-MODIFIED and SEQUENCE.
std::string due_ics(const DueReport& r,
                    const std::function<std::int64_t(const DueItem&)>& modified = {});

}  // namespace crm::render
