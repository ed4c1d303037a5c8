#include "crm/formats/csv.hpp"

#include <doctest/doctest.h>

using crm::formats::csv_row;
using crm::formats::unguard_cell;

TEST_CASE("csv_row quotes what must be quoted") {
    CHECK(csv_row({"a", "b,c", "say \"hi\"", "two\nlines"}) ==
          "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
}

TEST_CASE("a cell a spreadsheet would run as a formula gets a leading quote") {
    CHECK(csv_row({"=HYPERLINK(\"http://x.example\",\"click\")"}) ==
          "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\"\r\n");
    CHECK(csv_row({"+SUM(A1:A9)", "-2+3", "@cmd", "\tx", "Acme", "a=b"}) ==
          "'+SUM(A1:A9),'-2+3,'@cmd,'\tx,Acme,a=b\r\n");
    CHECK(csv_row({"\rz"}) == "\"'\rz\"\r\n");
    // A negative number stays a number: due's days overdue, pipeline's months.
    CHECK(csv_row({"-3", "-1.5", "-1.", "-.5", "-1e3", "-", "-1-1"}) ==
          "-3,-1.5,'-1.,'-.5,'-1e3,'-,'-1-1\r\n");
}

TEST_CASE("crm import takes the guard off again, and only the guard") {
    CHECK(unguard_cell("'=1+1") == "=1+1");
    CHECK(unguard_cell("'+61 2 5555 0100") == "+61 2 5555 0100");
    CHECK(unguard_cell("'quoted by a person") == "'quoted by a person");
    CHECK(unguard_cell("'") == "'");
    CHECK(unguard_cell("plain") == "plain");
}

TEST_CASE("a text that starts with ' before a formula's start keeps its '") {
    CHECK(csv_row({"'=1", "''+x", "'plain"}) == "''=1,'''+x,'plain\r\n");
    CHECK(unguard_cell("''=1") == "'=1");
    CHECK(unguard_cell("'''+x") == "''+x");
}
