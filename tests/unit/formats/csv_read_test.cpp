#include <doctest/doctest.h>

#include "crm/formats/csv_read.hpp"
#include "crm/util/error.hpp"

using crm::formats::read_csv;

TEST_CASE("read_csv splits plain records at commas and line ends") {
    auto r = read_csv("name,tier\nAcme,A\nBeta,B\n", "f.csv");
    REQUIRE(r.size() == 3);
    CHECK(r[0].fields == std::vector<std::string>{"name", "tier"});
    CHECK(r[2].fields == std::vector<std::string>{"Beta", "B"});
    CHECK(r[2].line == 3);
}

TEST_CASE("read_csv handles quotes, doubled quotes and line breaks inside quotes") {
    auto r = read_csv("a,b\r\n\"Smith, Jones\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\nlast,y",
                      "f.csv");
    REQUIRE(r.size() == 4);
    CHECK(r[1].fields[0] == "Smith, Jones");
    CHECK(r[1].fields[1] == "say \"hi\"");
    CHECK(r[2].fields[0] == "two\r\nlines");
    CHECK(r[3].line == 5);
    CHECK(r[3].fields == std::vector<std::string>{"last", "y"});
}

TEST_CASE("read_csv drops a byte-order mark, skips blank lines, keeps empty fields") {
    auto r = read_csv("\xEF\xBB\xBFname,tier\n\nAcme,,\n\"\"\n", "f.csv");
    REQUIRE(r.size() == 3);
    CHECK(r[0].fields[0] == "name");
    CHECK(r[1].fields == std::vector<std::string>{"Acme", "", ""});
    CHECK(r[1].line == 3);
    CHECK(r[2].fields == std::vector<std::string>{""});
}

TEST_CASE("read_csv refuses an unclosed quote with its line") {
    try {
        read_csv("a\nb\n\"open,\nmore\n", "f.csv");
        FAIL("no error");
    } catch (const crm::DataError& e) {
        CHECK(e.where().line == 3);
        CHECK(std::string(e.what()).find("never closed") != std::string::npos);
    }
    CHECK_THROWS_AS(read_csv("\"a\"b\n", "f.csv"), crm::DataError);
    CHECK_THROWS_AS(read_csv("a\"b\n", "f.csv"), crm::DataError);
}
