#include "crm/formats/calendar.hpp"

#include <libical/ical.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <optional>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "ical_support.hpp"

namespace crm::formats {

namespace {

// A time as one instant: its zone's when it has one, UTC when it says Z, else (floating)
// the calendar's zone or the process's.
struct Clock {
    icaltimezone* calendar_zone = nullptr;  // X-WR-TIMEZONE; nullptr: the process's zone

    std::int64_t instant(icaltimetype t) const {
        if (icaltime_is_utc(t))
            return icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone());
        if (t.zone)
            return icaltime_as_timet_with_zone(t, t.zone);
        if (calendar_zone)
            return icaltime_as_timet_with_zone(t, calendar_zone);
        std::tm tm{};
        tm.tm_year = t.year - 1900;
        tm.tm_mon = t.month - 1;
        tm.tm_mday = t.day;
        tm.tm_hour = t.hour;
        tm.tm_min = t.minute;
        tm.tm_sec = t.second;
        tm.tm_isdst = -1;
        return std::mktime(&tm);
    }

    // The wall time of `t` in the zone it belongs to: its own, else the calendar's (a UTC
    // time, as Google writes single events, is placed in the calendar's zone).
    icaltimetype wall(icaltimetype t) const {
        if (!icaltime_is_utc(t) || t.is_date)
            return t;
        if (calendar_zone)
            return icaltime_convert_to_zone(t, calendar_zone);
        const std::time_t at = static_cast<std::time_t>(instant(t));
        std::tm tm{};
        localtime_r(&at, &tm);
        icaltimetype out = icaltime_null_time();
        out.year = tm.tm_year + 1900;
        out.month = tm.tm_mon + 1;
        out.day = tm.tm_mday;
        out.hour = tm.tm_hour;
        out.minute = tm.tm_min;
        out.second = tm.tm_sec;
        return out;
    }
};

std::string utc_text(std::int64_t instant) {
    const icaltimetype t = icaltime_from_timet_with_zone(static_cast<std::time_t>(instant), 0,
                                                         icaltimezone_get_utc_timezone());
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", t.year, t.month, t.day, t.hour, t.minute,
                       t.second);
}

std::string text_of(icalcomponent* c, icalproperty_kind kind) {
    icalproperty* p = icalcomponent_get_first_property(c, kind);
    const char* v = p ? icalproperty_get_value_as_string(p) : nullptr;
    if (!v)
        return {};
    // libical hands TEXT values back escaped (\n, \,); a person reads them unescaped.
    std::string out;
    for (const char* s = v; *s; ++s) {
        if (*s == '\\' && s[1]) {
            ++s;
            out += (*s == 'n' || *s == 'N') ? '\n' : *s;
        } else {
            out += *s;
        }
    }
    return trim(out);
}

std::string address_of(const char* value) {
    std::string a = trim(value ? value : "");
    if (ascii_lower(a.substr(0, 7)) == "mailto:")
        a = trim(std::string_view(a).substr(7));
    return a;
}

std::string parameter(icalproperty* p, icalparameter_kind kind) {
    icalparameter* param = icalproperty_get_first_parameter(p, kind);
    if (!param)
        return {};
    const char* v = kind == ICAL_CN_PARAMETER ? icalparameter_get_cn(param) : nullptr;
    return trim(v ? v : "");
}

std::vector<CalendarPerson> people_of(icalcomponent* e) {
    std::vector<CalendarPerson> people;
    if (icalproperty* o = icalcomponent_get_first_property(e, ICAL_ORGANIZER_PROPERTY)) {
        CalendarPerson p;
        p.name = parameter(o, ICAL_CN_PARAMETER);
        p.address = address_of(icalproperty_get_organizer(o));
        p.organizer = true;
        if (!p.address.empty())
            people.push_back(std::move(p));
    }
    for (icalproperty* a = icalcomponent_get_first_property(e, ICAL_ATTENDEE_PROPERTY); a;
         a = icalcomponent_get_next_property(e, ICAL_ATTENDEE_PROPERTY)) {
        CalendarPerson p;
        p.name = parameter(a, ICAL_CN_PARAMETER);
        p.address = address_of(icalproperty_get_attendee(a));
        if (icalparameter* ps = icalproperty_get_first_parameter(a, ICAL_PARTSTAT_PARAMETER))
            p.declined = icalparameter_get_partstat(ps) == ICAL_PARTSTAT_DECLINED;
        if (!p.address.empty())
            people.push_back(std::move(p));
    }
    return people;
}

// One VEVENT as read: its times with their zones resolved.
struct Component {
    icalcomponent* c = nullptr;
    std::string uid;
    icaltimetype start{};
    std::optional<icaltimetype> end;
    std::optional<icaldurationtype> duration;
    std::optional<std::int64_t> recurrence_id;  // an override's: the instant it replaces
    bool cancelled = false;
    std::string zone;
};

class Reader {
  public:
    Reader(icalcomponent* calendar, std::int64_t now, CalendarRead& out)
        : calendar_(calendar), now_(now), out_(out) {
        if (icalproperty* p = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY)) {
            for (; p; p = icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY)) {
                const char* name = icalproperty_get_x_name(p);
                if (name && std::string_view(name) == "X-WR-TIMEZONE")
                    clock_.calendar_zone = builtin_zone(trim(icalproperty_get_x(p)));
            }
        }
    }

    void read() {
        std::vector<Component> all;
        std::size_t n = 0;
        for (icalcomponent* e = icalcomponent_get_first_component(calendar_, ICAL_VEVENT_COMPONENT);
             e; e = icalcomponent_get_next_component(calendar_, ICAL_VEVENT_COMPONENT)) {
            ++n;
            if (auto c = component(e, n))
                all.push_back(std::move(*c));
        }
        // A series' overrides, by the UID and the instant they replace.
        std::map<std::pair<std::string, std::int64_t>, const Component*> overrides;
        std::map<std::string, bool> has_master;
        for (const auto& c : all) {
            if (c.recurrence_id)
                overrides[{c.uid, *c.recurrence_id}] = &c;
            else
                has_master[c.uid] = true;
        }
        for (const auto& c : all) {
            if (!c.recurrence_id) {
                occurrences(c, overrides);
            } else if (!has_master.count(c.uid)) {
                // An override whose series is elsewhere (another file of a vdir, or cut
                // out of an export): the occurrence it describes still happened.
                add(c, fmt::format("{};RECURRENCE-ID={}", c.uid, utc_text(*c.recurrence_id)),
                    false);
            }
        }
    }

  private:
    static icaltimezone* builtin_zone(const std::string& name) {
        if (name.empty())
            return nullptr;
        if (icaltimezone* z = icaltimezone_get_builtin_timezone(name.c_str()))
            return z;
        return icaltimezone_get_builtin_timezone_from_tzid(name.c_str());
    }

    // The zone a time property names (TZID), found in the calendar's VTIMEZONEs, else
    // among the Olson names libical knows. nullopt: it names one nobody knows.
    std::optional<icaltimezone*> zone_of(icalproperty* p, std::string& tzid) const {
        icalparameter* param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
        if (!param)
            return nullptr;
        const char* id = icalparameter_get_tzid(param);
        tzid = trim(id ? id : "");
        if (tzid.empty())
            return nullptr;
        if (icaltimezone* z = icalcomponent_get_timezone(calendar_, tzid.c_str()))
            return z;
        if (icaltimezone* z = builtin_zone(tzid))
            return z;
        return std::nullopt;
    }

    // A time property's value with its zone; nullopt (and `why`) when it cannot be one.
    std::optional<icaltimetype> time_of(icalproperty* p, icaltimetype value,
                                        std::string& why) const {
        if (icaltime_is_null_time(value) || !icaltime_is_valid_time(value)) {
            why = "not a date";
            return std::nullopt;
        }
        std::string tzid;
        const auto zone = zone_of(p, tzid);
        if (!zone) {
            why = fmt::format("unknown time zone '{}'", tzid);
            return std::nullopt;
        }
        if (*zone && !value.is_date && !icaltime_is_utc(value))
            value.zone = *zone;
        return value;
    }

    void problem(icalcomponent* e, std::size_t n, const std::string& uid, std::string why) {
        std::string name;
        if (!uid.empty())
            name = fmt::format("UID {}", uid);
        else if (auto s = text_of(e, ICAL_SUMMARY_PROPERTY); !s.empty())
            name = fmt::format("'{}'", s);
        else
            name = fmt::format("event {}", n);
        out_.problems.push_back({std::move(name), std::move(why)});
    }

    std::optional<Component> component(icalcomponent* e, std::size_t n) {
        Component c;
        c.c = e;
        c.uid = text_of(e, ICAL_UID_PROPERTY);
        if (c.uid.empty()) {
            problem(e, n, c.uid, "no UID");
            return std::nullopt;
        }
        icalproperty* start = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
        if (!start) {
            problem(e, n, c.uid, "no DTSTART");
            return std::nullopt;
        }
        std::string why;
        auto s = time_of(start, icalproperty_get_dtstart(start), why);
        if (!s) {
            problem(e, n, c.uid, fmt::format("DTSTART: {}", why));
            return std::nullopt;
        }
        c.start = *s;
        std::string tzid;
        c.zone = zone_of(start, tzid) && !tzid.empty() ? tzid
                 : icaltime_is_utc(c.start)            ? "UTC"
                                                       : "";
        if (icalproperty* end = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY)) {
            auto t = time_of(end, icalproperty_get_dtend(end), why);
            if (!t) {
                problem(e, n, c.uid, fmt::format("DTEND: {}", why));
                return std::nullopt;
            }
            c.end = *t;
        } else if (icalproperty* d = icalcomponent_get_first_property(e, ICAL_DURATION_PROPERTY)) {
            c.duration = icalproperty_get_duration(d);
        }
        if (icalproperty* r = icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY)) {
            auto t = time_of(r, icalproperty_get_recurrenceid(r), why);
            if (!t) {
                problem(e, n, c.uid, fmt::format("RECURRENCE-ID: {}", why));
                return std::nullopt;
            }
            c.recurrence_id = clock_.instant(*t);
        }
        if (icalproperty* st = icalcomponent_get_first_property(e, ICAL_STATUS_PROPERTY))
            c.cancelled = icalproperty_get_status(st) == ICAL_STATUS_CANCELLED;
        return c;
    }

    // An EXDATE's or RDATE's value as a start of the series: a date alone (VALUE=DATE)
    // means that day's occurrence, at the series' time of day.
    static icaltimetype at_series_time(const Component& c, const icaltimetype& t) {
        if (!t.is_date || c.start.is_date)
            return t;
        icaltimetype day = c.start;
        day.year = t.year;
        day.month = t.month;
        day.day = t.day;
        return day;
    }

    // The instants a series' EXDATEs take out.
    std::vector<std::int64_t> excluded(const Component& c) const {
        std::vector<std::int64_t> out;
        std::string why;
        for (icalproperty* p = icalcomponent_get_first_property(c.c, ICAL_EXDATE_PROPERTY); p;
             p = icalcomponent_get_next_property(c.c, ICAL_EXDATE_PROPERTY)) {
            auto t = time_of(p, icalproperty_get_exdate(p), why);
            if (!t)
                continue;
            out.push_back(clock_.instant(at_series_time(c, *t)));
        }
        return out;
    }

    // The starts a series' RDATEs add.
    std::vector<icaltimetype> added(const Component& c) const {
        std::vector<icaltimetype> out;
        std::string why;
        for (icalproperty* p = icalcomponent_get_first_property(c.c, ICAL_RDATE_PROPERTY); p;
             p = icalcomponent_get_next_property(c.c, ICAL_RDATE_PROPERTY)) {
            const icaldatetimeperiodtype v = icalproperty_get_rdate(p);
            auto t = time_of(p, icaltime_is_null_time(v.time) ? v.period.start : v.time, why);
            if (!t)
                continue;
            out.push_back(at_series_time(c, *t));
        }
        return out;
    }

    void occurrences(
        const Component& c,
        const std::map<std::pair<std::string, std::int64_t>, const Component*>& overrides) {
        icalproperty* rule = icalcomponent_get_first_property(c.c, ICAL_RRULE_PROPERTY);
        std::vector<icaltimetype> starts = added(c);
        if (!rule && starts.empty()) {
            add(c, c.uid, false);
            return;
        }
        if (rule) {
            const icalrecurrencetype recur = icalproperty_get_rrule(rule);
            if (recur.freq == ICAL_NO_RECURRENCE) {
                problem(c.c, 0, c.uid, "an RRULE libical cannot read");
                return;
            }
            const std::unique_ptr<icalrecur_iterator, decltype(&icalrecur_iterator_free)> it(
                icalrecur_iterator_new(recur, c.start), &icalrecur_iterator_free);
            if (!it) {
                problem(c.c, 0, c.uid, "an RRULE libical cannot expand");
                return;
            }
            for (icaltimetype t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
                 t = icalrecur_iterator_next(it.get())) {
                t.zone = c.start.zone;
                if (clock_.instant(t) > now_)
                    break;  // a series without an end stops here; what comes later is not yet
                starts.push_back(t);
                if (starts.size() > kMaxOccurrences)
                    break;
            }
        } else {
            starts.push_back(c.start);  // RDATEs add to DTSTART, which is the first
        }
        // The series in time order, each start once (an RDATE may repeat the rule's).
        std::vector<std::pair<std::int64_t, icaltimetype>> timed;
        for (const auto& t : starts)
            if (const std::int64_t at = clock_.instant(t); at <= now_)
                timed.emplace_back(at, t);
        std::sort(timed.begin(), timed.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        timed.erase(std::unique(timed.begin(), timed.end(),
                                [](const auto& a, const auto& b) { return a.first == b.first; }),
                    timed.end());
        if (timed.size() > kMaxOccurrences) {
            problem(c.c, 0, c.uid,
                    fmt::format("more than {} occurrences up to today", kMaxOccurrences));
            return;
        }
        const auto out = excluded(c);
        const icaldurationtype length = duration_of(c);
        for (const auto& [at, t] : timed) {
            if (std::find(out.begin(), out.end(), at) != out.end())
                continue;
            const std::string id = fmt::format("{};RECURRENCE-ID={}", c.uid, utc_text(at));
            if (auto o = overrides.find({c.uid, at}); o != overrides.end()) {
                add(*o->second, id, c.cancelled);
                continue;
            }
            Component one = c;
            one.start = t;
            one.end.reset();
            one.duration = length;
            add(one, id, false);
        }
    }

    static icaldurationtype duration_of(const Component& c) {
        if (c.duration)
            return *c.duration;
        if (c.end)
            return icaltime_subtract(*c.end, c.start);
        return icaldurationtype_null_duration();
    }

    void add(const Component& c, std::string id, bool series_cancelled) {
        CalendarEvent e;
        e.id = std::move(id);
        const icaltimetype wall = clock_.wall(c.start);
        e.date = Date::from_ymd(wall.year, wall.month, wall.day).value_or(Date());
        e.all_day = c.start.is_date;
        if (!e.all_day)
            e.start = fmt::format("{:02}:{:02}", wall.hour, wall.minute);
        e.zone = c.zone;
        e.summary = text_of(c.c, ICAL_SUMMARY_PROPERTY);
        e.location = text_of(c.c, ICAL_LOCATION_PROPERTY);
        e.description = text_of(c.c, ICAL_DESCRIPTION_PROPERTY);
        e.people = people_of(c.c);
        e.cancelled = c.cancelled || series_cancelled;
        icaltimetype end = c.start;
        if (c.end)
            end = *c.end;
        else if (c.duration)
            end = icaltime_add(c.start, *c.duration);
        else if (c.start.is_date)
            icaltime_adjust(&end, 1, 0, 0, 0);
        e.ended = clock_.instant(end) <= now_;
        if (!e.ended)
            ++out_.future;
        out_.events.push_back(std::move(e));
    }

    icalcomponent* calendar_;
    std::int64_t now_;
    CalendarRead& out_;
    Clock clock_;
};

}  // namespace

CalendarRead read_calendar(std::string_view text, const std::string& source, std::int64_t now) {
    ical_quiet();
    std::string_view body = text;
    if (body.starts_with("\xEF\xBB\xBF"))
        body.remove_prefix(3);
    const std::string start = ascii_lower(trim(body.substr(0, 64)));
    if (!start.starts_with("begin:vcalendar"))
        throw RuntimeError(fmt::format("{} is not a calendar: it does not start with "
                                       "BEGIN:VCALENDAR",
                                       source),
                           "give an .ics file as a calendar program exports it, or a vdir of them");
    std::string tail = ascii_lower(trim(body.substr(body.size() > 64 ? body.size() - 64 : 0)));
    if (!tail.ends_with("end:vcalendar"))
        throw RuntimeError(
            fmt::format("{} is cut short: it does not end with END:VCALENDAR", source),
            "export the calendar again, or copy the whole file");
    const std::string copy(body);  // libical wants a C string
    const IcalPtr root(icalparser_parse_string(copy.c_str()));
    if (!root)
        throw RuntimeError(fmt::format("{}: libical cannot read it as a calendar", source),
                           "export the calendar again");
    CalendarRead out;
    auto read_one = [&](icalcomponent* calendar) { Reader(calendar, now, out).read(); };
    if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) {
        read_one(root.get());
    } else {
        // Several calendars in one file (some exports concatenate them): each in turn.
        for (icalcomponent* c =
                 icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
             c; c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
            read_one(c);
    }
    return out;
}

}  // namespace crm::formats
