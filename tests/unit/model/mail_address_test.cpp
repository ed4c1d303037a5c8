#include <doctest/doctest.h>

#include "crm/model/mail_address.hpp"

using crm::address_domain;
using crm::address_problem;
using crm::is_plain_address;

TEST_CASE("plain addresses are accepted") {
    for (const char* a :
         {"alice@harbourpike.example", "bob.jones@mail.harbourpike.example", "a+crm@x.example",
          "first_last-2@sub-domain.example", "root@localhost", "o.k!#$%&*+/=?^_{|}~@x.example"}) {
        CAPTURE(a);
        CHECK(is_plain_address(a));
    }
}

TEST_CASE("a hostile or malformed address is refused, saying why") {
    CHECK(address_problem("x@y.example; touch pwned") == "contains ';'");
    CHECK(address_problem("x@y.example touch") == "contains a space");
    CHECK(address_problem("x@y.example;touch") == "contains ';'");
    CHECK(address_problem("a@x.example,b@x.example") == "contains ','");
    CHECK(address_problem("Alice <alice@x.example>") == "contains a space");
    CHECK(address_problem("<alice@x.example>") == "contains '<'");
    CHECK(address_problem("alice@x.example\nBcc: eve@evil.example") == "contains a line break");
    CHECK(address_problem("alice@x.example\r") == "contains a carriage return");
    CHECK(address_problem("\"a b\"@x.example") == "contains '\"'");
    CHECK(address_problem("o'brien@x.example") == "contains '''");
    CHECK(address_problem("`id`@x.example") == "contains '`'");
    CHECK(address_problem("a(comment)@x.example") == "contains '('");
    CHECK(address_problem("a@[127.0.0.1]") == "contains '['");
    CHECK(address_problem("jürgen@x.example") == "contains a non-ASCII character");
    CHECK(address_problem("a\x01@x.example") == "contains a control character");
    CHECK(address_problem("") == "is empty");
    CHECK(address_problem("alice") == "has no @");
    CHECK(address_problem("a@b@x.example") == "has more than one @");
    CHECK(address_problem("@x.example") == "has nothing before the @");
    CHECK(address_problem("alice@") == "has no domain after the @");
    CHECK(address_problem(".a@x.example") ==
          "its part before the @ has a leading, trailing or "
          "double dot");
    CHECK(address_problem("a..b@x.example").has_value());
    CHECK(address_problem("a@x..example").has_value());
    CHECK(address_problem("a@x.example.").has_value());
    CHECK(address_problem("a@-x.example") == "a part of its domain starts or ends with '-'");
    CHECK(address_problem("a@x_y.example") == "its domain contains '_'");
    CHECK(address_problem(std::string(65, 'a') + "@x.example").has_value());
    CHECK(address_problem("a@" + std::string(64, 'b') + ".example").has_value());
}

TEST_CASE("the domain of an address") {
    CHECK(address_domain("crm@harbourpike.example") == "harbourpike.example");
    CHECK(address_domain("nobody").empty());
}

TEST_CASE("a contact's e-mail may be internationalised, never hostile") {
    CHECK_FALSE(crm::contact_address_problem("jürgen@müller.example"));
    CHECK_FALSE(crm::contact_address_problem("jane.doe+crm@acme.example"));
    CHECK(crm::contact_address_problem("jane@x.example; touch pwned") == "contains ';'");
    CHECK(crm::contact_address_problem("Jane <jane@x.example>") == "contains a space");
    CHECK(crm::contact_address_problem("jane@x.example\n") == "contains a line break");
    CHECK(crm::contact_address_problem("jane") == "has no @");
    // The team's addresses stay ASCII: they go into mail headers as they are.
    CHECK(crm::address_problem("jürgen@müller.example") == "contains a non-ASCII character");
}
