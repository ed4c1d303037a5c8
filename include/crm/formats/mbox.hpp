#pragma once
// Messages in an mbox file (the mboxrd variant): each starts with a "From " line, and a
// body line that starts with "From ", after any number of '>', gets one more '>', so
// that a reader never takes it for the start of the next message.
#include <string>
#include <string_view>

#include "crm/formats/mail_message.hpp"

namespace crm::formats {

// "Mon Nov 23 07:00:00 2026", the date of a "From " line (asctime's layout).
std::string mbox_date(const MailTime& t);

// `message` (as compose writes it) as one entry of an mbox: the "From sender date" line,
// the message quoted, a blank line.
std::string mbox_entry(std::string_view sender, const MailTime& t, std::string_view message);

}  // namespace crm::formats
