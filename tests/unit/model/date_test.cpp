#include <doctest/doctest.h>

#include "crm/model/date.hpp"
#include "crm/util/error.hpp"

using crm::Date;

TEST_CASE("parse_iso accepts real calendar days only") {
    CHECK(Date::parse_iso("2026-11-23")->iso() == "2026-11-23");
    CHECK(Date::parse_iso("2024-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("2026-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("2026-2-5").has_value());
    CHECK_FALSE(Date::parse_iso("2026-11-23x").has_value());
}

TEST_CASE("month arithmetic clamps to the month's end") {
    CHECK(Date::parse_iso("2026-01-31")->plus_months(1).iso() == "2026-02-28");
    CHECK(Date::parse_iso("2024-01-31")->plus_months(1).iso() == "2024-02-29");
    CHECK(Date::parse_iso("2026-12-15")->plus_months(1).iso() == "2027-01-15");
}

TEST_CASE("weekday names point back for past-facing options and forward for future-facing") {
    Date monday = *Date::parse_iso("2026-11-23");
    CHECK(monday.weekday() == 0);
    CHECK(crm::parse_date_arg("fri", monday, crm::DateDirection::future, "--next").iso() ==
          "2026-11-27");
    CHECK(crm::parse_date_arg("fri", monday, crm::DateDirection::past, "--date").iso() ==
          "2026-11-20");
    CHECK(crm::parse_date_arg("mon", monday, crm::DateDirection::future, "--next").iso() ==
          "2026-11-30");
    CHECK(crm::parse_date_arg("monday", monday, crm::DateDirection::past, "--date").iso() ==
          "2026-11-23");
    CHECK_THROWS_AS(crm::parse_date_arg("2026-02-30", monday, crm::DateDirection::past, "--date"),
                    crm::UsageError);
}

namespace {

const Date kMonday = *Date::parse_iso("2026-11-23");

std::string past(std::string_view text) {
    return crm::parse_date_arg(text, kMonday, crm::DateDirection::past, "--date").iso();
}

std::string future(std::string_view text) {
    return crm::parse_date_arg(text, kMonday, crm::DateDirection::future, "--next").iso();
}

std::string usage_message(std::string_view text) {
    try {
        crm::parse_date_arg(text, kMonday, crm::DateDirection::future, "--next");
    } catch (const crm::UsageError& e) {
        return std::string(e.what()) + "\n" + e.hint();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("parse_iso rejects everything but four-two-two digits") {
    for (const char* bad : {"", "2026-11-2", "2026-1-23", "26-11-23", "2026/11/23", "2026-11-23 ",
                            " 2026-11-23", "2026-13-01", "2026-00-10", "2026-11-00", "2026-04-31",
                            "0000-01-01", "2026-+1-01", "２０２６-11-23", "2026-11-2a"}) {
        CAPTURE(bad);
        CHECK_FALSE(Date::parse_iso(bad).has_value());
    }
    CHECK(Date::parse_iso("2000-02-29").has_value());
    CHECK_FALSE(Date::parse_iso("1900-02-29").has_value());
    CHECK(Date::parse_iso("9999-12-31")->iso() == "9999-12-31");
    CHECK(Date::parse_iso("0001-01-01")->iso() == "0001-01-01");
}

TEST_CASE("date parts, weekday and ordering") {
    Date d = *Date::parse_iso("2024-02-29");
    CHECK(d.year() == 2024);
    CHECK(d.month() == 2);
    CHECK(d.day() == 29);
    CHECK(d.weekday() == 3);  // a Thursday
    CHECK(Date::parse_iso("1970-01-01")->weekday() == 3);
    CHECK(Date::parse_iso("1969-12-29")->weekday() == 0);  // before the epoch too
    CHECK(d < kMonday);
    CHECK(d.days_until(d.plus_days(10)) == 10);
    CHECK(Date::from_ymd(2026, 2, 29) == std::nullopt);
    CHECK(Date::from_ymd(2026, 11, 23) == kMonday);
}

TEST_CASE("the words and relative offsets of the date grammar") {
    CHECK(past("today") == "2026-11-23");
    CHECK(past("TODAY") == "2026-11-23");
    CHECK(past("yesterday") == "2026-11-22");
    CHECK(future("tomorrow") == "2026-11-24");
    CHECK(future("+3d") == "2026-11-26");
    CHECK(past("-3d") == "2026-11-20");
    CHECK(past("-2w") == "2026-11-09");
    CHECK(future("+2w") == "2026-12-07");
    CHECK(future("+1m") == "2026-12-23");
    CHECK(past("-1m") == "2026-10-23");
    CHECK(future("+1y") == "2027-11-23");
    CHECK(past("-1y") == "2025-11-23");
    CHECK(future("+0d") == "2026-11-23");
    // A past-facing option takes explicit dates as given, even in the future.
    CHECK(past("2026-12-01") == "2026-12-01");
    CHECK(future("2020-01-01") == "2020-01-01");
}

TEST_CASE("every weekday name, short and long, in both directions") {
    // Monday 2026-11-23: the past-facing day is on or before today, the future one after.
    const char* shorts[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const char* longs[] = {"monday", "tuesday",  "wednesday", "thursday",
                           "friday", "saturday", "sunday"};
    const char* pasts[] = {"2026-11-23", "2026-11-17", "2026-11-18", "2026-11-19",
                           "2026-11-20", "2026-11-21", "2026-11-22"};
    const char* futures[] = {"2026-11-30", "2026-11-24", "2026-11-25", "2026-11-26",
                             "2026-11-27", "2026-11-28", "2026-11-29"};
    for (int i = 0; i < 7; ++i) {
        CAPTURE(longs[i]);
        CHECK(past(shorts[i]) == pasts[i]);
        CHECK(past(longs[i]) == pasts[i]);
        CHECK(future(shorts[i]) == futures[i]);
        CHECK(future(longs[i]) == futures[i]);
    }
    CHECK(future("Fri") == "2026-11-27");
    CHECK(future("FRIDAY") == "2026-11-27");
}

TEST_CASE("anything outside the grammar is a usage error naming option, value and forms") {
    for (const char* bad :
         {"2026-02-30x", "2026-11-23x", "", "fr", "m", "someday", "+3", "3d", "+d", "+3x", "++3d",
          "+-3d", "+3.5d", "next weak", "2026-11-23T10:00", "fridays", "+ 3d"}) {
        CAPTURE(bad);
        std::string msg = usage_message(bad);
        CHECK(msg.find("--next: '" + std::string(bad) + "' is not a date") != std::string::npos);
        CHECK(msg.find("YYYY-MM-DD") != std::string::npos);
        CHECK(msg.find("+3d") != std::string::npos);
    }
}

TEST_CASE("durations: Nd, Nw, Nm, Ny and nothing else") {
    using Unit = crm::Duration::Unit;
    CHECK(crm::parse_duration("30d") == crm::Duration{30, Unit::days});
    CHECK(crm::parse_duration("2w") == crm::Duration{2, Unit::weeks});
    CHECK(crm::parse_duration("1m") == crm::Duration{1, Unit::months});
    CHECK(crm::parse_duration("1y") == crm::Duration{1, Unit::years});
    CHECK(crm::parse_duration("120d")->str() == "120d");
    for (const char* bad : {"", "d", "30", "30x", "-3d", "+3d", "3.5d", "3 d", " 3d", "3d ", "3dd",
                            "never", "1e3d", "0x1d"}) {
        CAPTURE(bad);
        CHECK_FALSE(crm::parse_duration(bad).has_value());
    }
    CHECK_THROWS_AS(crm::parse_duration_arg("soon", "--every"), crm::UsageError);
    try {
        crm::parse_duration_arg("3x", "--every");
        FAIL("accepted 3x");
    } catch (const crm::UsageError& e) {
        CHECK(std::string(e.what()) == "--every: '3x' is not a duration");
    }
}

TEST_CASE("durations move dates by calendar units") {
    using Unit = crm::Duration::Unit;
    Date jan31 = *Date::parse_iso("2026-01-31");
    CHECK(crm::Duration{1, Unit::months}.after(jan31).iso() == "2026-02-28");
    CHECK(crm::Duration{1, Unit::years}.after(*Date::parse_iso("2024-02-29")).iso() ==
          "2025-02-28");
    CHECK(crm::Duration{2, Unit::weeks}.before(kMonday).iso() == "2026-11-09");
    CHECK(crm::Duration{30, Unit::days}.after(kMonday).iso() == "2026-12-23");
    CHECK(crm::Duration{3, Unit::months}.before(*Date::parse_iso("2026-05-31")).iso() ==
          "2026-02-28");
}

TEST_CASE("relative_days phrases") {
    CHECK(crm::relative_days(kMonday, kMonday) == "today");
    CHECK(crm::relative_days(kMonday.plus_days(1), kMonday) == "tomorrow");
    CHECK(crm::relative_days(kMonday.plus_days(4), kMonday) == "in 4 days");
    CHECK(crm::relative_days(kMonday.plus_days(-1), kMonday) == "1 day overdue");
    CHECK(crm::relative_days(kMonday.plus_days(-3), kMonday) == "3 days overdue");
}

TEST_CASE("offsets that leave the calendar are errors, not wrapped dates") {
    CHECK(usage_message("+99999y") != "accepted");
    CHECK(usage_message("+99999m") != "accepted");
    CHECK(usage_message("-9999y") != "accepted");
    CHECK(future("+7000y") == "9026-11-23");
    CHECK(future("+99999d") == "2300-09-07");
    CHECK(Date::parse_iso("2026-11-30")->plus_months(-11).iso() == "2025-12-30");
    CHECK(Date::parse_iso("2026-03-31")->plus_months(-13).iso() == "2025-02-28");
}

namespace {

std::string future(const char* text, const char* today) {
    return crm::parse_date_arg(text, *Date::parse_iso(today), crm::DateDirection::future, "--x")
        .iso();
}

std::string past(const char* text, const char* today) {
    return crm::parse_date_arg(text, *Date::parse_iso(today), crm::DateDirection::past, "--x")
        .iso();
}

}  // namespace

TEST_CASE("the ends of periods and the next week and month, for due dates") {
    // 2026-11-23 is a Monday; 2026-11-27 a Friday; 2026-11-29 a Sunday.
    CHECK(future("eow", "2026-11-23") == "2026-11-27");
    CHECK(future("eow", "2026-11-27") == "2026-11-27");  // this Friday is today
    CHECK(future("eow", "2026-11-28") == "2026-12-04");
    CHECK(future("eom", "2026-11-23") == "2026-11-30");
    CHECK(future("end of month", "2026-02-10") == "2026-02-28");
    CHECK(future("End  Of Month", "2024-02-10") == "2024-02-29");
    CHECK(future("eoq", "2026-11-23") == "2026-12-31");
    CHECK(future("eoq", "2026-04-01") == "2026-06-30");
    CHECK(future("eoy", "2026-03-03") == "2026-12-31");
    CHECK(future("next week", "2026-11-23") == "2026-11-30");
    CHECK(future("next week", "2026-11-29") == "2026-11-30");
    CHECK(future("next month", "2026-11-23") == "2026-12-01");
    CHECK(future("next month", "2026-12-31") == "2027-01-01");
    // Looking back, they mean nothing.
    CHECK_THROWS_AS(past("eom", "2026-11-23"), crm::UsageError);
    CHECK_THROWS_AS(past("next week", "2026-11-23"), crm::UsageError);
}

TEST_CASE("a day and a month, in either order, the next such day or the last one") {
    CHECK(future("15 dec", "2026-11-23") == "2026-12-15");
    CHECK(future("Dec 15", "2026-11-23") == "2026-12-15");
    CHECK(future("15 December", "2026-11-23") == "2026-12-15");
    CHECK(future("nov 27", "2026-11-23") == "2026-11-27");
    CHECK(future("nov 23", "2026-11-23") == "2026-11-23");  // today is not past
    CHECK(future("nov 20", "2026-11-23") == "2027-11-20");
    CHECK(future("29 feb", "2026-11-23") == "2028-02-29");
    CHECK(past("nov 20", "2026-11-23") == "2026-11-20");
    CHECK(past("dec 15", "2026-11-23") == "2025-12-15");
    CHECK(future("sept 3", "2026-11-23") == "2027-09-03");
    for (const char* bad : {"31 nov", "dec", "15 15", "dec 155", "0 dec", "15 decx"})
        CHECK_THROWS_AS(future(bad, "2026-11-23"), crm::UsageError);
}

TEST_CASE("durations in words") {
    CHECK(future("+2 weeks", "2026-11-23") == "2026-12-07");
    CHECK(future("+1 month", "2026-11-23") == "2026-12-23");
    CHECK(past("-3 days", "2026-11-23") == "2026-11-20");
    CHECK(future("+2 fortnights", "2026-11-23") == "2026-12-21");
    CHECK_THROWS_AS(future("+2 moons", "2026-11-23"), crm::UsageError);
}

TEST_CASE("the phrases people type, as GNU date reads them (Monday 2026-11-23)") {
    // next / this / last with a weekday
    CHECK(future("next fri") == "2026-11-27");
    CHECK(future("next friday") == "2026-11-27");
    CHECK(future("next mon") == "2026-11-30");  // the first Monday after today
    CHECK(future("this mon") == "2026-11-23");  // today is one
    CHECK(future("this fri") == "2026-11-27");
    CHECK(past("last fri") == "2026-11-20");
    CHECK(past("last mon") == "2026-11-16");  // before today, never today
    // spans in words
    CHECK(future("in 3 days") == "2026-11-26");
    CHECK(future("in 2 weeks") == "2026-12-07");
    CHECK(future("in a week") == "2026-11-30");
    CHECK(future("in 1 month") == "2026-12-23");
    CHECK(future("2 weeks") == "2026-12-07");
    CHECK(future("in a fortnight") == "2026-12-07");
    CHECK(past("3 days ago") == "2026-11-20");
    CHECK(past("a week ago") == "2026-11-16");
    CHECK(past("2 months ago") == "2026-09-23");
    // shorthands and ends of periods
    CHECK(future("tmrw") == "2026-11-24");
    CHECK(future("tmr") == "2026-11-24");
    CHECK(future("end of the month") == "2026-11-30");
    CHECK(future("end of next month") == "2026-12-31");
    CHECK(future("end of next week") == "2026-12-04");
    CHECK(future("end of the week") == "2026-11-27");
    CHECK(future("end of next quarter") == "2027-03-31");
    CHECK(future("next year") == "2027-01-01");
    // ordinals, with or without a month, either order, with "the" and "of"
    CHECK(future("15th dec") == "2026-12-15");
    CHECK(future("Dec 15th") == "2026-12-15");
    CHECK(future("the 15th of December") == "2026-12-15");
    CHECK(future("1st") == "2026-12-01");
    CHECK(future("23rd") == "2026-11-23");
    CHECK(past("1st") == "2026-11-01");
    CHECK(past("25th") == "2026-10-25");
    CHECK(future("31st") == "2026-12-31");  // November has no 31st
    CHECK(future("15 dec 2027") == "2027-12-15");
    CHECK(future("Dec 15, 2027") == "2027-12-15");
    // a weekday with its day: the day decides, the weekday checks
    CHECK(future("friday 27th") == "2026-11-27");
    CHECK(future("Fri 27 Nov") == "2026-11-27");
    CHECK(future("friday, 27 november") == "2026-11-27");
    // ISO without padding
    CHECK(future("2026-12-5") == "2026-12-05");
    CHECK(past("2026-1-9") == "2026-01-09");
}

TEST_CASE("a phrase that points the other way is refused, naming the option's direction") {
    for (const char* ahead : {"in 3 days", "2 weeks", "next fri", "this fri", "eom"}) {
        CAPTURE(ahead);
        CHECK_THROWS_WITH_AS(past(ahead), doctest::Contains("this option looks back"),
                             crm::UsageError);
    }
    for (const char* back : {"3 days ago", "last fri"}) {
        CAPTURE(back);
        CHECK_THROWS_WITH_AS(future(back), doctest::Contains("this option looks ahead"),
                             crm::UsageError);
    }
}

namespace {

std::string read(const char* text, crm::DateOrder order,
                 crm::DateDirection d = crm::DateDirection::future) {
    try {
        return crm::parse_date_arg(text, kMonday, d, "--next", order).iso();
    } catch (const crm::UsageError& e) {
        return std::string(e.what()) + " | " + e.hint();
    }
}

}  // namespace

TEST_CASE("15/12, 12/15 and 15.12. are read only as date_order says") {
    using O = crm::DateOrder;
    CHECK(read("15/12", O::dmy) == "2026-12-15");
    CHECK(read("12/15", O::mdy) == "2026-12-15");
    CHECK(read("15.12.", O::dmy) == "2026-12-15");
    CHECK(read("15.12.2027", O::dmy) == "2027-12-15");
    CHECK(read("3/4/27", O::dmy) == "2027-04-03");
    CHECK(read("3/4/27", O::mdy) == "2027-03-04");
    CHECK(read("1/12", O::dmy, crm::DateDirection::past) == "2025-12-01");
    CHECK(read("12/15", O::dmy).find("is not a date read as day/month") != std::string::npos);
    // Without date_order: ambiguous, naming both readings and what to do.
    CHECK(read("3/4", O::none) ==
          "--next: '3/4' is ambiguous: as day/month Sat 2027-04-03, as month/day Thu 2027-03-04 | "
          "write it as YYYY-MM-DD or 15 dec, or set date_order: dmy (or mdy) in crm.yaml");
    CHECK(read("15/12", O::none).find("as day/month Tue 2026-12-15, as month/day no date") !=
          std::string::npos);
    CHECK(crm::parse_date_order("dmy") == O::dmy);
    CHECK(crm::parse_date_order("mdy") == O::mdy);
    CHECK_FALSE(crm::parse_date_order("ymd").has_value());
}

TEST_CASE("days that do not exist are refused with the reason") {
    CHECK(read("friday 28th", crm::DateOrder::none) ==
          "--next: 'friday 28th' does not exist: 2026-11-28 is a Sat | check the day, or write "
          "Sat 2026-11-28");
    CHECK(read("2026-2-30", crm::DateOrder::none).find("is not a day of the calendar") !=
          std::string::npos);
    CHECK(read("31 nov", crm::DateOrder::none).find("is not a day of the calendar") !=
          std::string::npos);
    for (const char* bad : {"next fryday", "in 2 weaks", "15", "next", "in", "3 days before",
                            "last", "fri 28th nov 2026 x", "the", "2026-13-1"}) {
        CAPTURE(bad);
        CHECK(read(bad, crm::DateOrder::dmy).find("--next: '") == 0);
    }
}

TEST_CASE("what looks like a date: the start of a date phrase") {
    for (const char* yes : {"fri 31st", "next fryday", "31 nov", "15/12", "in 2 weaks", "eox",
                            "+3x", "December 32", "end of never", "this fry"})
        CHECK_MESSAGE(crm::looks_like_date(yes), std::string(yes));
    for (const char* no : {"Bob", "the office", "soon", "Monica", "internal review", ""})
        CHECK_MESSAGE(!crm::looks_like_date(no), std::string(no));
}

TEST_CASE("weekday_short names the day a date falls on") {
    CHECK(crm::weekday_short(kMonday) == "Mon");
    CHECK(crm::weekday_short(kMonday.plus_days(4)) == "Fri");
}
