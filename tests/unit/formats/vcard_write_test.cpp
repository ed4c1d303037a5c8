#include <doctest/doctest.h>

#include "crm/formats/vcard.hpp"
#include "crm/formats/vcard_write.hpp"

using namespace crm;

TEST_CASE("formats::escape_vcard_text escapes what RFC 6350 section 3.4 says") {
    CHECK(formats::escape_vcard_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
}

TEST_CASE("formats::fold_vcard_line folds at 75 octets, never inside a character") {
    const std::string line = "NOTE:" + std::string(70, 'x') + "\xC3\xBC" + std::string(80, 'y');
    const std::string folded = formats::fold_vcard_line(line);
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        start = end + 2;
    }
    // The ü stays whole: 70 x and "NOTE:" fill 75 octets, so it opens the next line.
    CHECK(folded.find("\r\n \xC3\xBC") != std::string::npos);
    CHECK(formats::unfold_vcard_lines(folded).front() == line);
}

TEST_CASE("formats::vcard_of writes a contact that parse_vcards reads back") {
    Client client;
    client.name = "Acme; Engineering";
    client.tags = {"civil", "roads, bridges"};
    Contact p{"Zoë Mary Adler",  "Director",           "zoe@acme.example",
              "+61 2 5555 0100", "Line one\nLine two", "0d6f3c1e-8b1a-4c52-9a0e-5e2b7d1f4a90"};
    const std::string card = formats::vcard_of(client, p);
    CHECK(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    CHECK(card.find("UID:urn:uuid:0d6f3c1e-8b1a-4c52-9a0e-5e2b7d1f4a90\r\n") != std::string::npos);
    CHECK(card.find("N:Adler;Zoë;Mary;;\r\n") != std::string::npos);
    CHECK(card.find("ORG:Acme\\; Engineering\r\n") != std::string::npos);
    CHECK(card.find("CATEGORIES:civil,roads\\, bridges\r\n") != std::string::npos);
    auto back = formats::read_vcards(card, "x.vcf");
    REQUIRE(back.entries.size() == 1);
    const auto& e = back.entries[0];
    CHECK(e.name == "Zoë Mary Adler");
    CHECK(e.org == "Acme; Engineering");
    CHECK(e.role == "Director");
    CHECK(e.notes == "Line one\nLine two");
    CHECK(e.uid == p.uid);
    CHECK(e.tags == std::vector<std::string>{"civil", "roads, bridges"});
    CHECK(back.dropped.empty());
}
