#include <doctest/doctest.h>

#include "crm/domain/date.hpp"
#include "crm/domain/error.hpp"

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
