#include <doctest/doctest.h>

#include "crm/formats/vcard.hpp"
#include "crm/util/error.hpp"

using namespace crm;

TEST_CASE("formats::unfold_vcard_lines joins continuation lines and accepts CRLF") {
    auto lines =
        formats::unfold_vcard_lines("BEGIN:VCARD\r\nNOTE:one\r\n  two\r\n\tthree\r\nEND:VCARD\r\n");
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == "NOTE:one twothree");
}

TEST_CASE("formats::unescape_vcard undoes backslash escapes") {
    CHECK(formats::unescape_vcard("a\\, b\\; c\\\\d\\nnext\\Nlast") == "a, b; c\\d\nnext\nlast");
    CHECK(formats::unescape_vcard("trailing\\") == "trailing\\");
}

TEST_CASE("formats::parse_vcards reads 3.0 and 4.0 cards") {
    const char* text =
        "BEGIN:VCARD\r\n"
        "VERSION:3.0\r\n"
        "N:Doe;Jane;;;\r\n"
        "FN:Jane Doe\r\n"
        "ORG:Acme Engineering Pty Ltd;Projects\r\n"
        "TITLE:Director of Projects\r\n"
        "item1.EMAIL;TYPE=INTERNET,WORK:jane@acme.example\r\n"
        "EMAIL;TYPE=HOME:jane@home.example\r\n"
        "TEL;TYPE=\"work,voice\":+61 2 5555 0100\r\n"
        "NOTE:Broncos fan\\; daughter starts uni\\, 2027\\nLikes tea\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\n"
        "VERSION:4.0\n"
        "N:Lee;Tom;;;\n"
        "ORG:Northern W\n"
        " ater\n"
        "TEL;VALUE=uri;TYPE=work:tel:+61-3-5555-0200\n"
        "END:VCARD\n";
    auto cards = formats::parse_vcards(text, "a.vcf");
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].org == "Acme Engineering Pty Ltd");
    CHECK(cards[0].contact.name == "Jane Doe");
    CHECK(cards[0].contact.role == "Director of Projects");
    CHECK(cards[0].contact.email == "jane@acme.example");
    CHECK(cards[0].contact.phone == "+61 2 5555 0100");
    CHECK(cards[0].contact.notes == "Broncos fan; daughter starts uni, 2027\nLikes tea");
    CHECK(cards[0].line == 1);
    CHECK(cards[1].org == "Northern Water");
    CHECK(cards[1].contact.name == "Tom Lee");  // from N when FN is missing
    CHECK(cards[1].contact.phone == "+61-3-5555-0200");
    CHECK(cards[1].line == 12);
}

TEST_CASE("formats::parse_vcards refuses unterminated cards and stray text") {
    CHECK_THROWS_AS(formats::parse_vcards("BEGIN:VCARD\nFN:x\n", "a.vcf"), DataError);
    CHECK_THROWS_AS(formats::parse_vcards("BEGIN:VCARD\nFN:x\nBEGIN:VCARD\nEND:VCARD\n", "a.vcf"),
                    DataError);
    CHECK_THROWS_AS(formats::parse_vcards("name,tier\nAcme,A\n", "a.vcf"), DataError);
    CHECK(formats::parse_vcards("", "a.vcf").empty());
}

TEST_CASE("formats::group_by_org gathers cards by organisation, any case") {
    auto cards = formats::parse_vcards(
        "BEGIN:VCARD\nFN:Jane\nORG:Acme\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Solo Person\nEMAIL:solo@x.example\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Bob\nORG:ACME\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n",
        "a.vcf");
    auto orgs = formats::group_by_org(cards);
    REQUIRE(orgs.size() == 2);
    CHECK(orgs[0].name == "Acme");
    REQUIRE(orgs[0].contacts.size() == 2);
    CHECK(orgs[0].contacts[1].name == "Bob");
    CHECK(orgs[1].name == "Solo Person");
    CHECK(orgs[1].contacts[0].email == "solo@x.example");
}
