#pragma once
// iCalendar (RFC 5545) output: all-day events, CRLF line ends, lines folded at 75
// octets without splitting a UTF-8 character, TEXT values escaped.
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/date.hpp"

namespace crm::formats {

struct IcsEvent {
    std::string uid;  // stable across runs, so a re-import updates instead of duplicating
    Date date;        // an all-day event on this day
    std::string summary;
    std::string description;
    std::string category;
};

// A whole VCALENDAR; `stamp` is the DTSTAMP of every event (midnight UTC).
std::string ics_calendar(const std::vector<IcsEvent>& events, Date stamp);

// Backslash, semicolon, comma and newlines escaped; other control characters dropped.
std::string ics_escape(std::string_view text);

// One content line folded at 75 octets, each line ending in CRLF.
std::string ics_fold(std::string_view line);

// A short stable hexadecimal digest (FNV-1a, 64 bits) for building UIDs.
std::string ics_digest(std::string_view text);

}  // namespace crm::formats
