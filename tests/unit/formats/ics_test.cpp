#include <doctest/doctest.h>

#include "crm/formats/ics.hpp"

using namespace crm::formats;

TEST_CASE("ics_escape escapes TEXT specials and drops control characters") {
    CHECK(ics_escape("a,b;c\\d\ne\r\nf\x1b") == "a\\,b\\;c\\\\d\\ne\\nf");
}

TEST_CASE("ics_fold folds at 75 octets and never inside a UTF-8 character") {
    std::string line(80, 'x');
    std::string folded = ics_fold(line);
    CHECK(folded == std::string(75, 'x') + "\r\n " + std::string(5, 'x') + "\r\n");

    std::string accented = "SUMMARY:";
    for (int i = 0; i < 40; ++i)
        accented += "é";  // two octets each
    folded = ics_fold(accented);
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        // A continuation never starts with a UTF-8 continuation byte after its space.
        if (start > 0)
            CHECK((static_cast<unsigned char>(folded[start + 1]) & 0xC0) != 0x80);
        start = end + 2;
    }
}

TEST_CASE("ics_calendar writes all-day events with stable fields") {
    IcsEvent e{"promise-acme-1@crm", *crm::Date::parse_iso("2026-11-30"), "Send, it", "",
               "promise"};
    std::string cal = ics_calendar({e}, *crm::Date::parse_iso("2026-11-23"));
    CHECK(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(cal.find("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n") !=
          std::string::npos);
    CHECK(cal.find("SUMMARY:Send\\, it\r\n") != std::string::npos);
    CHECK(cal.find("DTSTAMP:20261123T000000Z\r\n") != std::string::npos);
    CHECK(cal.ends_with("END:VCALENDAR\r\n"));
    CHECK(ics_digest("a") == ics_digest("a"));
    CHECK(ics_digest("a") != ics_digest("b"));
}

TEST_CASE("an empty calendar still holds a component, as RFC 5545's grammar wants") {
    const std::string cal = ics_calendar({}, *crm::Date::parse_iso("2026-11-23"));
    CHECK(cal.find("BEGIN:VCALENDAR\r\n") == 0);
    CHECK(cal.find("BEGIN:X-CRM-NOTHING-DUE\r\nX-CRM-NOTE:") != std::string::npos);
    CHECK(cal.find("END:X-CRM-NOTHING-DUE\r\nEND:VCALENDAR\r\n") != std::string::npos);
    CHECK(cal.find("VEVENT") == std::string::npos);
}
