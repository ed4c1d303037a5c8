#pragma once
// What the team's mail says: the subject and plain-text body of a reminder (`crm remind`)
// and of an alert of new reports (`crm notify`). Text for people, like the terminal
// views, with every control character from the files shown as a space; the composer
// (formats/mail_message) makes it a message.
#include <string>

#include "crm/reports/alerts.hpp"
#include "crm/reports/remind.hpp"

namespace crm::render {

// "crm: 5 things due by 2026-11-30 (2 overdue)".
std::string remind_subject(const Reminder& r, Date window_end);
// The items, overdue first, each with its client, what, when and why.
std::string remind_body(const Reminder& r, Date today, Date window_end);

// "crm: 2 new reports at Acme Engineering Pty Ltd", "crm: 5 new reports at 3 clients".
std::string notify_subject(const Alert& a);
// By client: each record's date, kind, author, summary, promises and next contact.
// `since` says since when, for people ("since the last notice, 2026-11-20").
std::string notify_body(const Alert& a, const std::string& since);

}  // namespace crm::render
