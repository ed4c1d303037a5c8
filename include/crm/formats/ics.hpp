#pragma once
// iCalendar (RFC 5545) output through libical: all-day events, CRLF line ends, lines
// folded at 75 octets without splitting a UTF-8 character, TEXT values escaped (libical
// does all three). Each event has SEQUENCE and LAST-MODIFIED, so a calendar that imports
// the file (rather than subscribing to it) takes a changed event as an update.
#include <cstdint>
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
    // When what the event says last changed (seconds since the epoch, UTC); 0: unknown,
    // and neither LAST-MODIFIED nor SEQUENCE is written.
    std::int64_t modified = 0;
};

// A whole VCALENDAR; `stamp` is the DTSTAMP of every event (midnight UTC).
std::string ics_calendar(const std::vector<IcsEvent>& events, Date stamp);

// The SEQUENCE of an event last changed at `modified`: the minutes since 2020-01-01 UTC
// (0 before). It grows whenever the event's sources change, and stays put while they do
// not, as RFC 5545 asks of a revision number; a 32-bit INTEGER until the year 6100.
int ics_sequence(std::int64_t modified);

// A short stable hexadecimal digest (FNV-1a, 64 bits) for building UIDs.
std::string ics_digest(std::string_view text);

}  // namespace crm::formats
