#include <doctest/doctest.h>

#include "crm/model/contact.hpp"

using crm::Contact;
using crm::match_contact;
using Kind = crm::MatchResult::Kind;

namespace {

const std::vector<Contact> kContacts = {
    {"Jane Doe", "Director", "jane@acme.example", "", ""},  // 0
    {"John Doe", "", "jd@acme.example", "", ""},            // 1
    {"Bob", "", "", "+61 2 5555", ""},                      // 2
    {"Mary Jane", "", "mary@acme.example", "", ""},         // 3
};

std::string found(std::string_view query) {
    auto r = match_contact(query, kContacts);
    if (r.kind == Kind::ambiguous)
        return "(ambiguous: " + std::to_string(r.candidates.size()) + ")";
    return r.kind == Kind::found ? kContacts[r.index].name : "(not found)";
}

}  // namespace

TEST_CASE("a contact is named by its name in any case, its e-mail, or a unique part") {
    CHECK(found("Jane Doe") == "Jane Doe");
    CHECK(found("jane doe") == "Jane Doe");
    CHECK(found("  JANE DOE ") == "Jane Doe");
    CHECK(found("JD@acme.example") == "John Doe");
    CHECK(found("bob") == "Bob");
    CHECK(found("mary") == "Mary Jane");  // a prefix of name and e-mail: one person
    CHECK(found("john") == "John Doe");
    CHECK(found("jd@") == "John Doe");
}

TEST_CASE("an exact name wins over a prefix; several matches are ambiguous") {
    CHECK(found("doe") == "(ambiguous: 2)");  // a part of two names
    CHECK(found("acme.example") == "(ambiguous: 3)");
    CHECK(found("jane") == "Jane Doe");     // prefix of Jane Doe only (Mary Jane: a part)
    CHECK(found("j") == "(ambiguous: 2)");  // Jane, John, and jane@, jd@: two people
    CHECK(found("nobody") == "(not found)");
    CHECK(found("") == "(not found)");
}

TEST_CASE("the typed form of a contact") {
    auto c = crm::parse_contact_text("Jane Doe <jane@x.example>");
    REQUIRE(c);
    CHECK(c->name == "Jane Doe");
    CHECK(c->email == "jane@x.example");
    c = crm::parse_contact_text("jane@x.example");
    REQUIRE(c);
    CHECK(c->name == "jane@x.example");
    CHECK(c->email == "jane@x.example");
    c = crm::parse_contact_text("  Bob  ");
    REQUIRE(c);
    CHECK(c->name == "Bob");
    CHECK(c->email.empty());
    CHECK_FALSE(crm::parse_contact_text(" "));
    CHECK_FALSE(crm::parse_contact_text("<>"));
    CHECK(crm::contact_label(kContacts[0]) == "Jane Doe <jane@acme.example>");
    CHECK(crm::contact_label(kContacts[2]) == "Bob");
}

TEST_CASE("one person: the same name or the same e-mail, in any case") {
    CHECK(crm::same_contact({"Jane Doe", "", "", "", ""}, {"jane doe", "", "j@x", "", ""}));
    CHECK(crm::same_contact({"J. Doe", "", "JANE@x", "", ""}, {"Jane", "", "jane@x", "", ""}));
    CHECK_FALSE(crm::same_contact({"Jane", "", "", "", ""}, {"John", "", "", "", ""}));
    CHECK_FALSE(crm::same_contact({"", "", "", "", ""}, {"", "", "", "", ""}));
}

TEST_CASE("is_uuid: the 8-4-4-4-12 form of a contact's uid") {
    CHECK(crm::is_uuid("0d6f3c1e-8b1a-4c52-9a0e-5e2b7d1f4a90"));
    CHECK(crm::is_uuid("0D6F3C1E-8B1A-4C52-9A0E-5E2B7D1F4A90"));
    CHECK_FALSE(crm::is_uuid("0d6f3c1e-8b1a-4c52-9a0e-5e2b7d1f4a9"));
    CHECK_FALSE(crm::is_uuid("0d6f3c1e8b1a-4c52-9a0e-5e2b7d1f4a900"));
    CHECK_FALSE(crm::is_uuid("0d6f3c1e-8b1a-4c52-9a0e-5e2b7d1f4a9g"));
    CHECK_FALSE(crm::is_uuid(""));
}
