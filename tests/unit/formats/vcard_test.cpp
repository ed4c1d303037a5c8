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
    CHECK(cards[0].name == "Jane Doe");
    CHECK(cards[0].role == "Director of Projects");
    REQUIRE(cards[0].emails.size() == 2);
    CHECK(cards[0].emails[0].value == "jane@acme.example");
    CHECK(cards[0].emails[0].label == "work");
    CHECK(cards[0].emails[1].value == "jane@home.example");
    CHECK(cards[0].emails[1].label == "home");
    REQUIRE(cards[0].phones.size() == 1);
    CHECK(cards[0].phones[0].value == "+61 2 5555 0100");
    CHECK(cards[0].notes == "Broncos fan; daughter starts uni, 2027\nLikes tea");
    CHECK(cards[0].line == 1);
    CHECK(cards[1].org == "Northern Water");
    CHECK(cards[1].name == "Tom Lee");  // from N when FN is missing
    CHECK(cards[1].phones.at(0).value == "+61-3-5555-0200");
    CHECK(cards[1].line == 12);
}

TEST_CASE("formats::parse_vcards refuses unterminated cards and stray text") {
    CHECK_THROWS_AS(formats::parse_vcards("BEGIN:VCARD\nFN:x\n", "a.vcf"), DataError);
    CHECK_THROWS_AS(formats::parse_vcards("BEGIN:VCARD\nFN:x\nBEGIN:VCARD\nEND:VCARD\n", "a.vcf"),
                    DataError);
    CHECK_THROWS_AS(formats::parse_vcards("name,tier\nAcme,A\n", "a.vcf"), DataError);
    CHECK(formats::parse_vcards("", "a.vcf").empty());
}

TEST_CASE("formats::parse_vcards decodes vCard 2.1 as Android writes it") {
    // Quoted-printable UTF-8 with a soft line break in the note (the next line is not
    // indented), bare TYPE parameters, a PREF'd mobile.
    const char* text =
        "BEGIN:VCARD\r\n"
        "VERSION:2.1\r\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
        "ORG;CHARSET=UTF-8;QUOTED-PRINTABLE:M=C3=BCller & S=C3=B6hne GmbH\r\n"
        "TEL;HOME:+49 30 1234567\r\n"
        "TEL;CELL;PREF:+49 170 7654321\r\n"
        "EMAIL;INTERNET;WORK:juergen@mueller.example\r\n"
        "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Trifft sich gern zum Fr=C3=BChst=C3=BC=\r\n"
        "ck.=0D=0AZweite Zeile\r\n"
        "END:VCARD\r\n";
    auto cards = formats::parse_vcards(text, "a.vcf");
    REQUIRE(cards.size() == 1);
    const auto& c = cards[0];
    CHECK(c.name == "J\u00fcrgen M\u00fcller");
    CHECK(c.org == "M\u00fcller & S\u00f6hne GmbH");
    CHECK(c.notes == "Trifft sich gern zum Fr\u00fchst\u00fcck.\nZweite Zeile");
    REQUIRE(c.phones.size() == 2);
    CHECK(c.phones[0].value == "+49 170 7654321");  // PREF first
    CHECK(c.phones[0].label == "mobile");
    CHECK(c.phones[1].label == "home");
    CHECK(c.emails.at(0).label == "work");
    CHECK_FALSE(c.org_card);
}

TEST_CASE("formats::parse_vcards reads Outlook's windows-1252, raw or quoted-printable") {
    const std::string text =
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;LANGUAGE=de;CHARSET=Windows-1252:Gr\xFC\xDF"
        "er;Ren\xE9\r\n"
        "ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:Caf=E9 =80uro=96Bau\r\n"
        "NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:=93Quoted=94\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ana Mar\xED"
        "a\r\nEND:VCARD\r\n";
    auto cards = formats::parse_vcards(text, "a.vcf");
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].name == "Ren\u00e9 Gr\u00fc\u00dfer");
    CHECK(cards[0].org == "Caf\u00e9 \u20acuro\u2013Bau");
    CHECK(cards[0].notes == "\u201cQuoted\u201d");
    CHECK(cards[1].name == "Ana Mar\u00eda");  // no CHARSET, not UTF-8: windows-1252
    CHECK_THROWS_AS(formats::parse_vcards("BEGIN:VCARD\nFN;CHARSET=KOI8-R:x\nEND:VCARD\n", "a.vcf"),
                    DataError);
    CHECK_THROWS_AS(
        formats::parse_vcards("BEGIN:VCARD\nFN;CHARSET=UTF-8:\xFC\nEND:VCARD\n", "a.vcf"),
        DataError);
}

TEST_CASE("formats::parse_vcards keeps 2.1 folding's whitespace and drops 3.0's") {
    auto cards = formats::parse_vcards(
        "BEGIN:VCARD\nVERSION:2.1\nFN:Jane\nNOTE:one\n two\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bob\nNOTE:one\n two\nEND:VCARD\n",
        "a.vcf");
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].notes == "one two");
    CHECK(cards[1].notes == "onetwo");
}

TEST_CASE("formats::parse_vcards knows an organisation's own card and CATEGORIES") {
    auto cards = formats::parse_vcards(
        "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nFN:Acme Pty Ltd\nORG:Acme Pty Ltd;\n"
        "TEL;TYPE=WORK:+61 2 5555 0000\nCATEGORIES:Clients,Civil\\, roads\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nFN:Depot\nORG:Northern Water\n"
        "X-ABShowAs:COMPANY\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nORG:Harbour Cafe\nEMAIL:hi@cafe.example\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nEMAIL:solo@x.example\nEND:VCARD\n",
        "a.vcf");
    REQUIRE(cards.size() == 4);
    CHECK(cards[0].org_card);
    CHECK(cards[0].name.empty());
    CHECK(cards[0].tags == std::vector<std::string>{"Clients", "Civil, roads"});
    CHECK(cards[1].org_card);
    CHECK(cards[2].org_card);
    CHECK_FALSE(cards[3].org_card);
    CHECK(cards[3].name == "solo@x.example");
}

TEST_CASE("formats::parse_vcards labels Apple's grouped values with their X-ABLabel") {
    auto cards = formats::parse_vcards(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Siobhan\r\n"
        "item1.EMAIL;type=INTERNET;type=pref:s@work.example\r\nitem1.X-ABLabel:_$!<Work>!$_\r\n"
        "item2.EMAIL;type=INTERNET:s@home.example\r\nitem2.X-ABLabel:_$!<Home>!$_\r\n"
        "item3.TEL:+61 2 1111\r\nITEM3.X-ABLABEL:Site office\r\n"
        "item4.TEL;type=CELL:+61 400\r\nitem4.X-ABLabel:ignored: it has a type\r\n"
        "END:VCARD\r\n",
        "a.vcf");
    REQUIRE(cards.size() == 1);
    REQUIRE(cards[0].emails.size() == 2);
    CHECK(cards[0].emails[0].label == "work");
    CHECK(cards[0].emails[1].label == "home");
    REQUIRE(cards[0].phones.size() == 2);
    CHECK(cards[0].phones[0].label == "mobile");
    CHECK(cards[0].phones[1].label == "Site office");
}

TEST_CASE("formats::read_vcards leaves group cards out and names what it does not read") {
    const std::string text =
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0C9A7B52-31F4-4F8E-A3C1-7D4E2B9F6A80\r\n"
        "FN:Omar\r\nORG:Gulf\r\nADR:;;1 Quay;Dubai;;;\r\nPHOTO:data:image/png;base64,AA\r\n"
        "EMAIL:/o=ExchangeLabs/cn=omar\r\nCATEGORIES:myContacts,starred,Ports\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Ports\r\nMEMBER:urn:uuid:x\r\n"
        "END:VCARD\r\n";
    auto file = formats::read_vcards(text, "a.vcf");
    REQUIRE(file.entries.size() == 1);
    CHECK(file.entries[0].uid == "0c9a7b52-31f4-4f8e-a3c1-7d4e2b9f6a80");
    CHECK(file.entries[0].emails.empty());
    CHECK(file.entries[0].tags == std::vector<std::string>{"Ports"});
    CHECK(file.groups == std::vector<std::string>{"Ports"});
    REQUIRE(file.dropped.size() == 3);
    CHECK(file.dropped[0].what == "ADR");
    CHECK(file.dropped[1].what == "PHOTO");
    CHECK(file.dropped[2].what == "EMAIL (Exchange)");
}
