#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>

#include "crm/formats/calendar.hpp"
#include "crm/util/error.hpp"

using namespace crm::formats;

namespace {

// 2026-11-30T23:59:59Z
constexpr std::int64_t kNow = 1796083199;

const char* kBerlin =
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nDTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nDTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

std::string calendar(const std::string& events, bool zone = true) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" +
           std::string(zone ? kBerlin : "") + events + "END:VCALENDAR\r\n";
}

std::string event(const std::string& body, const std::string& uid = "u1@test") {
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\n" + body +
           "ORGANIZER;CN=Alice:mailto:alice@firm.example\r\n"
           "ATTENDEE;CN=Jane Doe;PARTSTAT=ACCEPTED:MAILTO:jane@acme.example\r\n"
           "END:VEVENT\r\n";
}

std::vector<std::string> ids(const CalendarRead& r) {
    std::vector<std::string> out;
    for (const auto& e : r.events)
        out.push_back(e.id);
    return out;
}

}  // namespace

TEST_CASE("a series across the end of summer time: EXDATE, a moved and a cancelled one") {
    const std::string text =
        calendar(event("DTSTART;TZID=Europe/Berlin:20261015T090000\r\n"
                       "DTEND;TZID=Europe/Berlin:20261015T100000\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\n"
                       "EXDATE;TZID=Europe/Berlin:20261022T090000\r\nLOCATION:Office\r\n") +
                 event("RECURRENCE-ID;TZID=Europe/Berlin:20261029T090000\r\n"
                       "DTSTART;TZID=Europe/Berlin:20261030T140000\r\n"
                       "DTEND;TZID=Europe/Berlin:20261030T150000\r\nLOCATION:Depot\r\n") +
                 event("RECURRENCE-ID;TZID=Europe/Berlin:20261105T090000\r\n"
                       "DTSTART;TZID=Europe/Berlin:20261105T090000\r\nSTATUS:CANCELLED\r\n"));
    const CalendarRead r = read_calendar(text, "t.ics", kNow);
    CHECK(r.problems.empty());
    CHECK(ids(r) == std::vector<std::string>{"u1@test;RECURRENCE-ID=20261015T070000Z",
                                             "u1@test;RECURRENCE-ID=20261029T080000Z",
                                             "u1@test;RECURRENCE-ID=20261105T080000Z",
                                             "u1@test;RECURRENCE-ID=20261112T080000Z"});
    CHECK(r.events[0].start == "09:00");
    CHECK(r.events[0].zone == "Europe/Berlin");
    CHECK(r.events[1].date.iso() == "2026-10-30");
    CHECK(r.events[1].start == "14:00");
    CHECK(r.events[1].location == "Depot");
    CHECK(r.events[2].cancelled);
    CHECK_FALSE(r.events[3].cancelled);
    CHECK(r.events[3].ended);
    REQUIRE(r.events[0].people.size() == 2);
    CHECK(r.events[0].people[0].organizer);
    CHECK(r.events[0].people[1].address == "jane@acme.example");
    CHECK(r.events[0].people[1].name == "Jane Doe");
}

TEST_CASE("a rule without end stops at now; a single event after it has not ended") {
    const std::string text =
        calendar(event("DTSTART:20261125T090000Z\r\nDTEND:20261125T100000Z\r\n"
                       "RRULE:FREQ=DAILY\r\n") +
                     event("DTSTART:20261201T090000Z\r\nDURATION:PT1H\r\n", "later@test"),
                 false);
    const CalendarRead r = read_calendar(text, "t.ics", kNow);
    REQUIRE(r.events.size() == 7);  // 25 to 30 November, and the one on 1 December
    CHECK(r.events[5].date.iso() == "2026-11-30");
    CHECK(r.events[6].id == "later@test");
    CHECK_FALSE(r.events[6].ended);
    CHECK(r.future == 1);
}

TEST_CASE("all-day events, declined people, escaped text") {
    const std::string text = calendar(
        "BEGIN:VEVENT\r\nUID:d@test\r\nDTSTART;VALUE=DATE:20261120\r\n"
        "SUMMARY:Site\\, closed\\nall day\r\n"
        "ATTENDEE;PARTSTAT=DECLINED:mailto:bob@firm.example\r\nEND:VEVENT\r\n",
        false);
    const CalendarRead r = read_calendar(text, "t.ics", kNow);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].all_day);
    CHECK(r.events[0].start.empty());
    CHECK(r.events[0].summary == "Site, closed\nall day");
    REQUIRE(r.events[0].people.size() == 1);
    CHECK(r.events[0].people[0].declined);
}

TEST_CASE("events that cannot be read are named; the others are read") {
    const std::string text = calendar(
        "BEGIN:VEVENT\r\nSUMMARY:No uid\r\nDTSTART:20261110T090000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:nostart@test\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:mars@test\r\nDTSTART;TZID=Mars/Olympus:20261110T090000\r\n"
        "END:VEVENT\r\n" +
        event("DTSTART:20261110T090000Z\r\n"));
    const CalendarRead r = read_calendar(text, "t.ics", kNow);
    CHECK(ids(r) == std::vector<std::string>{"u1@test"});
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].event == "'No uid'");
    CHECK(r.problems[0].why == "no UID");
    CHECK(r.problems[1].why == "no DTSTART");
    CHECK(r.problems[2].why == "DTSTART: unknown time zone 'Mars/Olympus'");
}

TEST_CASE("a runaway rule is a problem, and none of its occurrences is kept") {
    const std::string text = calendar(
        event("DTSTART:20260101T000000Z\r\nDTEND:20260101T000100Z\r\nRRULE:FREQ=MINUTELY\r\n"),
        false);
    const CalendarRead r = read_calendar(text, "t.ics", kNow);
    CHECK(r.events.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].why == "more than 20000 occurrences up to today");
}

TEST_CASE("what is no calendar, or is cut short, is refused whole") {
    CHECK_THROWS_AS(read_calendar("Meeting notes\n", "n.ics", kNow), crm::RuntimeError);
    const std::string text = calendar(event("DTSTART:20261110T090000Z\r\n"));
    CHECK_THROWS_WITH_AS(read_calendar(text.substr(0, text.size() / 2), "c.ics", kNow),
                         "c.ics is cut short: it does not end with END:VCALENDAR",
                         crm::RuntimeError);
    CHECK(read_calendar("\xEF\xBB\xBF" + text, "bom.ics", kNow).events.size() == 1);
}
