#include <doctest/doctest.h>

#include "crm/util/error.hpp"
#include "crm/yaml/mark_done.hpp"

using crm::Date;
using crm::yaml::insert_done_line;

namespace {

const Date kDay = *Date::parse_iso("2026-11-28");

std::string mark(const std::string& text, const char* key, std::size_t index, const char* what) {
    return insert_done_line(text, "v.yaml", key, index, what, kDay);
}

}  // namespace

TEST_CASE("done goes right after due, at the item's indentation, nothing else changes") {
    const std::string text =
        "date: 2026-11-23   # the visit\n"
        "promises:\n"
        "  - what: Send capability statement\n"
        "    due: 2026-11-30  # Jane asked\n"
        "    # keep this comment\n"
        "    note: 'quoted'\n"
        "  - what: Second\n"
        "    due: 2026-12-01\n"
        "\n"
        "next_contact: 2026-12-15\n";
    CHECK(mark(text, "promises", 0, "Send capability statement") ==
          "date: 2026-11-23   # the visit\n"
          "promises:\n"
          "  - what: Send capability statement\n"
          "    due: 2026-11-30  # Jane asked\n"
          "    done: 2026-11-28\n"
          "    # keep this comment\n"
          "    note: 'quoted'\n"
          "  - what: Second\n"
          "    due: 2026-12-01\n"
          "\n"
          "next_contact: 2026-12-15\n");
    CHECK(mark(text, "promises", 1, "Second") ==
          "date: 2026-11-23   # the visit\n"
          "promises:\n"
          "  - what: Send capability statement\n"
          "    due: 2026-11-30  # Jane asked\n"
          "    # keep this comment\n"
          "    note: 'quoted'\n"
          "  - what: Second\n"
          "    due: 2026-12-01\n"
          "    done: 2026-11-28\n"
          "\n"
          "next_contact: 2026-12-15\n");
}

TEST_CASE("no due: after what, past a multi-line value; unindented lists; CRLF; no final newline") {
    CHECK(mark("actions:\n- what: |\n    line one\n\n    line two\n  by: me\n", "actions", 0,
               "line one\n\nline two\n") ==
          "actions:\n- what: |\n    line one\n\n    line two\n  done: 2026-11-28\n  by: me\n");
    CHECK(mark("actions:\r\n  - due: 2026-11-30\r\n    what: X\r\n", "actions", 0, "X") ==
          "actions:\r\n  - due: 2026-11-30\r\n    done: 2026-11-28\r\n    what: X\r\n");
    CHECK(mark("actions:\n  - what: X\n    due: 2026-11-30", "actions", 0, "X") ==
          "actions:\n  - what: X\n    due: 2026-11-30\n    done: 2026-11-28");
}

TEST_CASE("the index counts items as records are read: empty entries are skipped") {
    CHECK(mark("promises:\n  -\n  - Plain\n  - what: Third\n", "promises", 1, "Third") ==
          "promises:\n  -\n  - Plain\n  - what: Third\n    done: 2026-11-28\n");
}

TEST_CASE("refuses plain lines, flow style, an existing done key and a changed file") {
    CHECK_THROWS_WITH_AS(mark("promises:\n  - Send report\n", "promises", 0, "Send report"),
                         doctest::Contains("plain line of text"), crm::DataError);
    CHECK_THROWS_WITH_AS(mark("promises:\n  - {what: X, due: 2026-11-30}\n", "promises", 0, "X"),
                         doctest::Contains("flow style"), crm::DataError);
    CHECK_THROWS_WITH_AS(mark("promises: [{what: X}]\n", "promises", 0, "X"),
                         doctest::Contains("flow style"), crm::DataError);
    CHECK_THROWS_WITH_AS(mark("promises:\n  - what: X\n    done:\n", "promises", 0, "X"),
                         doctest::Contains("already has"), crm::DataError);
    CHECK_THROWS_WITH_AS(mark("promises:\n  - what: Y\n", "promises", 0, "X"),
                         doctest::Contains("not \"X\""), crm::DataError);
    CHECK_THROWS_WITH_AS(mark("promises:\n  - what: Y\n", "promises", 3, "Y"),
                         doctest::Contains("not there"), crm::DataError);
    CHECK_THROWS_AS(mark("actions:\n  - what: Y\n", "promises", 0, "Y"), crm::DataError);
}

TEST_CASE("a CRLF file without a final newline keeps CRLF on the line done follows") {
    CHECK(mark("actions:\r\n  - what: X\r\n    due: 2026-11-30", "actions", 0, "X") ==
          "actions:\r\n  - what: X\r\n    due: 2026-11-30\r\n    done: 2026-11-28");
}
