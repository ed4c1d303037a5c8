#include "crm/formats/ics.hpp"

#include <algorithm>
#include <cstdint>

#include "crm/util/format.hpp"

#include "ical_support.hpp"

namespace crm::formats {

std::string ics_digest(std::string_view text) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", h);
}

int ics_sequence(std::int64_t modified) {
    constexpr std::int64_t k2020 = 1577836800;  // 2020-01-01T00:00:00Z
    return static_cast<int>(std::clamp<std::int64_t>((modified - k2020) / 60, 0, INT32_MAX));
}

namespace {

icaltimetype day_of(Date d) {
    icaltimetype t = icaltime_null_date();
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    t.is_date = 1;
    return t;
}

icaltimetype utc_of(std::int64_t instant) {
    return icaltime_from_timet_with_zone(static_cast<time_t>(instant), 0,
                                         icaltimezone_get_utc_timezone());
}

// RFC 5545 forbids control characters other than HTAB in TEXT; a line break stays one.
std::string text_value(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n')
                out += '\n';
        } else if (c == '\n' || c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)) {
            out += c;
        }
    }
    return out;
}

icalcomponent* vevent(const IcsEvent& e, Date stamp) {
    icalcomponent* v = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(v, icalproperty_new_uid(e.uid.c_str()));
    icaltimetype midnight = icaltime_null_time();
    midnight.year = stamp.year();
    midnight.month = stamp.month();
    midnight.day = stamp.day();
    midnight.zone = icaltimezone_get_utc_timezone();
    icalcomponent_add_property(v, icalproperty_new_dtstamp(midnight));
    icalcomponent_add_property(v, icalproperty_new_dtstart(day_of(e.date)));
    icalcomponent_add_property(v, icalproperty_new_dtend(day_of(e.date.plus_days(1))));
    if (e.modified > 0) {
        icalcomponent_add_property(v, icalproperty_new_lastmodified(utc_of(e.modified)));
        icalcomponent_add_property(v, icalproperty_new_sequence(ics_sequence(e.modified)));
    }
    icalcomponent_add_property(v, icalproperty_new_summary(text_value(e.summary).c_str()));
    if (!e.description.empty())
        icalcomponent_add_property(v,
                                   icalproperty_new_description(text_value(e.description).c_str()));
    if (!e.category.empty())
        icalcomponent_add_property(v, icalproperty_new_categories(text_value(e.category).c_str()));
    // A reminder, not a meeting: it does not make anyone look busy.
    icalcomponent_add_property(v, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    return v;
}

}  // namespace

std::string ics_calendar(const std::vector<IcsEvent>& events, Date stamp) {
    ical_quiet();
    const IcalPtr cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//crm//crm due//EN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    for (const IcsEvent& e : events)
        icalcomponent_add_component(cal.get(), vevent(e, stamp));
    std::string out = ical_take(icalcomponent_as_ical_string_r(cal.get()));
    // RFC 5545 wants at least one component in a calendar. With nothing due, one that
    // every calendar program skips (an x-comp) keeps the feed valid and empty. Written
    // here: libical 3.0 ends an x-comp it writes with "END:X", losing its name.
    constexpr std::string_view kEnd = "END:VCALENDAR\r\n";
    if (events.empty() && out.ends_with(kEnd))
        out.insert(out.size() - kEnd.size(),
                   "BEGIN:X-CRM-NOTHING-DUE\r\nX-CRM-NOTE:Nothing is due in this window.\r\n"
                   "END:X-CRM-NOTHING-DUE\r\n");
    return out;
}

}  // namespace crm::formats
