#include <doctest/doctest.h>

#include "crm/model/commitment_text.hpp"
#include "crm/util/error.hpp"

using crm::Date;
using crm::parse_commitment;

namespace {

const Date kMonday = *Date::parse_iso("2026-11-23");

std::string due_of(const char* text) {
    auto c = parse_commitment(text, kMonday, "--promise");
    return c.what + " | " + (c.due ? c.due->iso() : "-");
}

}  // namespace

TEST_CASE("the last ' by ' splits off the due date, in any of the date grammar's forms") {
    CHECK(due_of("Send capability statement by fri") == "Send capability statement | 2026-11-27");
    CHECK(due_of("Drop by the site by fri") == "Drop by the site | 2026-11-27");
    CHECK(due_of("Send it by next week") == "Send it | 2026-11-30");
    CHECK(due_of("Invoice by end of month") == "Invoice | 2026-11-30");
    CHECK(due_of("Call back by nov 27") == "Call back | 2026-11-27");
    CHECK(due_of("Quote By +2 weeks") == "Quote | 2026-12-07");
    CHECK(due_of("Report by 2026-12-15") == "Report | 2026-12-15");
    CHECK(due_of("  No date at all  ") == "No date at all | -");
}

TEST_CASE("a trailing ' by X' that looks like a date and is none is refused") {
    for (const char* text : {"Send it by fri 31st", "Send it by next fryday", "Report by 31 nov",
                             "Report by 15/12", "Quote by in 2 weaks", "Call by eox"}) {
        CAPTURE(text);
        CHECK_THROWS_WITH_AS(parse_commitment(text, kMonday, "--promise"),
                             doctest::Contains("--promise: '"), crm::UsageError);
    }
    CHECK_THROWS_AS(parse_commitment("by fri", kMonday, "--action"), crm::UsageError);
    CHECK_THROWS_AS(parse_commitment("   ", kMonday, "--action"), crm::UsageError);
}

TEST_CASE("a trailing ' by X' that is no date stays in the text, and the item has no date") {
    CHECK(due_of("Get drawings checked by Bob") == "Get drawings checked by Bob | -");
    CHECK(due_of("Stop by the office") == "Stop by the office | -");
    CHECK(due_of("Report by soon") == "Report by soon | -");
    CHECK(due_of("Send it by the 27th") == "Send it | 2026-11-27");
    CHECK(due_of("Send it by next fri") == "Send it | 2026-11-27");
    CHECK(due_of("Send it by in 2 weeks") == "Send it | 2026-12-07");
    CHECK(parse_commitment("Send it by 15/12", kMonday, "--promise", crm::DateOrder::dmy)
              .due->iso() == "2026-12-15");
}
