#pragma once
// iCalendar (RFC 5545) in, through libical: a calendar as Google Calendar, Outlook and
// Thunderbird export it, or one file of a vdir as khal and vdirsyncer keep it, read as the
// occurrences of its events. Recurrences are libical's to expand (RRULE, EXDATE,
// RECURRENCE-ID overrides, VTIMEZONE and TZID), never ours; a series without an end stops
// at `now`. No header of formats/ shows a libical type.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/date.hpp"

namespace crm::formats {

// Someone on an event: its organizer or an attendee.
struct CalendarPerson {
    std::string name;     // CN; may be empty
    std::string address;  // the mailto: address, without "mailto:"
    bool organizer = false;
    bool declined = false;  // PARTSTAT=DECLINED
};

// One occurrence of an event: a single event, or one of a series (an override's values
// when the series has one for it).
struct CalendarEvent {
    // The event's UID; for one occurrence of a series, with its RECURRENCE-ID in UTC:
    // "UID;RECURRENCE-ID=20261120T080000Z", the same whatever zone the file writes it in.
    std::string id;
    Date date;          // the day it starts, in its own time zone
    std::string start;  // "09:30", in that zone; empty for an all-day event
    std::string zone;   // the zone's name as the file gives it (TZID), else "UTC" or empty
    std::string summary;
    std::string location;
    std::string description;
    std::vector<CalendarPerson> people;  // the organizer first, when there is one
    bool all_day = false;
    bool cancelled = false;  // STATUS:CANCELLED (the event's, or the series')
    bool ended = false;      // it ended at or before `now`
};

// An event that cannot be read as one, named: its UID or summary, and why.
struct CalendarProblem {
    std::string event;  // "UID abc@google.com", else "SUMMARY Weekly sync", else "event 3"
    std::string why;    // "no DTSTART", "no UID", "unknown time zone 'Mars/Olympus'"...
};

struct CalendarRead {
    std::vector<CalendarEvent> events;  // file order; a series' occurrences in time order
    std::vector<CalendarProblem> problems;
    std::size_t future = 0;  // occurrences of series not expanded past `now` are not counted
};

// The occurrences in `text` that started at or before `now` (seconds since the epoch),
// and the single events after it (ended false). A text that is no calendar (not
// BEGIN:VCALENDAR, or cut before its END:VCALENDAR) throws RuntimeError naming `source`.
// A time in UTC or floating (no TZID) is placed in the calendar's X-WR-TIMEZONE when it
// names one (Google writes it), else in the process's own zone (TZ).
CalendarRead read_calendar(std::string_view text, const std::string& source, std::int64_t now);

// Most occurrences one series may have up to `now`: beyond it, the event is a problem
// (a FREQ=MINUTELY rule since 1970 is no meeting anyone had).
inline constexpr std::size_t kMaxOccurrences = 20000;

}  // namespace crm::formats
