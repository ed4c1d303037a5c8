#include <doctest/doctest.h>

#include "crm/formats/ics.hpp"

using namespace crm::formats;

namespace {

IcsEvent event(std::string summary) {
    return IcsEvent{"promise-acme-1@crm",
                    *crm::Date::parse_iso("2026-11-30"),
                    std::move(summary),
                    "",
                    "promise",
                    0};
}

}  // namespace

TEST_CASE("TEXT specials are escaped and control characters dropped") {
    const std::string cal =
        ics_calendar({event("a,b;c\\d\ne\r\nf\x1b")}, *crm::Date::parse_iso("2026-11-23"));
    CHECK(cal.find("SUMMARY:a\\,b\\;c\\\\d\\ne\\nf\r\n") != std::string::npos);
}

TEST_CASE("lines fold at 75 octets and never inside a UTF-8 character") {
    std::string accented;
    for (int i = 0; i < 60; ++i)
        accented += "é";  // two octets each
    const std::string cal = ics_calendar({event(accented)}, *crm::Date::parse_iso("2026-11-23"));
    std::size_t start = 0;
    while (start < cal.size()) {
        std::size_t end = cal.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        // A continuation never starts with a UTF-8 continuation byte after its space.
        if (cal[start] == ' ')
            CHECK((static_cast<unsigned char>(cal[start + 1]) & 0xC0) != 0x80);
        start = end + 2;
    }
}

TEST_CASE("ics_calendar writes all-day events with stable fields") {
    std::string cal = ics_calendar({event("Send, it")}, *crm::Date::parse_iso("2026-11-23"));
    CHECK(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(cal.find("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n") !=
          std::string::npos);
    CHECK(cal.find("SUMMARY:Send\\, it\r\n") != std::string::npos);
    CHECK(cal.find("DTSTAMP:20261123T000000Z\r\n") != std::string::npos);
    CHECK(cal.find("SEQUENCE") == std::string::npos);
    CHECK(cal.ends_with("END:VCALENDAR\r\n"));
    CHECK(ics_digest("a") == ics_digest("a"));
    CHECK(ics_digest("a") != ics_digest("b"));
}

TEST_CASE("a known change time gives LAST-MODIFIED and a SEQUENCE that grows with it") {
    IcsEvent e = event("Send it");
    e.modified = 1795422300;  // 2026-11-23T08:25:00Z
    const std::string cal = ics_calendar({e}, *crm::Date::parse_iso("2026-11-23"));
    CHECK(cal.find("LAST-MODIFIED:20261123T082500Z\r\n") != std::string::npos);
    CHECK(cal.find("SEQUENCE:3626425\r\n") != std::string::npos);
    CHECK(ics_sequence(e.modified + 60) == ics_sequence(e.modified) + 1);
    CHECK(ics_sequence(e.modified + 59) >= ics_sequence(e.modified));
    CHECK(ics_sequence(0) == 0);
}

TEST_CASE("an empty calendar still holds a component, as RFC 5545's grammar wants") {
    const std::string cal = ics_calendar({}, *crm::Date::parse_iso("2026-11-23"));
    CHECK(cal.find("BEGIN:VCALENDAR\r\n") == 0);
    CHECK(cal.find("BEGIN:X-CRM-NOTHING-DUE\r\nX-CRM-NOTE:") != std::string::npos);
    CHECK(cal.find("END:X-CRM-NOTHING-DUE\r\nEND:VCALENDAR\r\n") != std::string::npos);
    CHECK(cal.find("VEVENT") == std::string::npos);
}
