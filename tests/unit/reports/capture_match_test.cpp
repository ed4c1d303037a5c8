// Which client a captured message or event belongs to: exact address, then domain (never a
// public one or the team's), none or several, the skips, the teammate and the direction.
#include <doctest/doctest.h>

#include "crm/reports/capture_match.hpp"

using namespace crm;

namespace {

Client client(const std::string& slug, std::vector<std::pair<std::string, std::string>> people) {
    Client c;
    c.slug = slug;
    c.name = slug;
    for (auto& [name, email] : people)
        c.contacts.push_back(Contact{name, "", email, "", ""});
    return c;
}

const std::vector<Client> kClients = {
    client("acme", {{"Jane Doe", "jane@acme.example"}, {"Tom Lee", "Tom@Acme.example"}}),
    client("brick", {{"Raj Patel", "raj@brick.example"}, {"Gmail Guy", "guy@gmail.com"}}),
    client("civic",
           {{"Ann Civic", "ann@civic.example"}, {"Shared Accountant", "acct@books.example"}}),
    client("dock", {{"Dan Dock", "dan@dock.example"}, {"Shared Accountant", "acct@books.example"}}),
    client("east", {{"Eve East", "eve@east.example"}}),
    client("east-2", {{"Ed East", "ed@east.example"}}),
};

const std::vector<TeamMember> kTeam = {{"Alice Smith", "alice@harbourpike.example"},
                                       {"Bob Jones", "bob@harbourpike.example"}};

CaptureParticipant from(std::string address, std::string name = {}) {
    return {std::move(name), std::move(address), true};
}
CaptureParticipant to(std::string address, std::string name = {}) {
    return {std::move(name), std::move(address), false};
}

CaptureSettings settings() {
    CaptureSettings s;
    s.never = {"payroll@harbourpike.example", "newsletter.example"};
    s.max_recipients = 3;
    return s;
}

}  // namespace

TEST_CASE("a contact's exact address, in any case, names the client and the contact") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match({from("<TOM@acme.example>", "Tom"), to("alice@harbourpike.example")});
    CHECK(r.outcome == CaptureOutcome::matched);
    CHECK(r.client == 0);
    CHECK_FALSE(r.by_domain);
    CHECK(r.with == std::vector<std::string>{"Tom Lee"});
    CHECK(r.by == "Alice Smith");
    CHECK_FALSE(r.outgoing);
    CHECK(r.recipients == 1);
}

TEST_CASE("a teammate's message out: by the sender, direction out, the contacts in with") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match({from("bob@harbourpike.example"), to("jane@acme.example"),
                      to("alice@harbourpike.example"), to("tom@acme.example")});
    CHECK(r.outcome == CaptureOutcome::matched);
    CHECK(r.client == 0);
    CHECK(r.by == "Bob Jones");
    CHECK(r.outgoing);
    CHECK(r.with == std::vector<std::string>{"Jane Doe", "Tom Lee"});
}

TEST_CASE("no contact's address: the one client whose contacts share the domain") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match({from("newperson@acme.example", "New Person"), to("bob@harbourpike.example")});
    CHECK(r.outcome == CaptureOutcome::matched);
    CHECK(r.client == 0);
    CHECK(r.by_domain);
    CHECK(r.with == std::vector<std::string>{"New Person"});
    CHECK(r.by == "Bob Jones");
    // No display name: the address stands for the person.
    r = m.match({from("x@acme.example"), to("bob@harbourpike.example")});
    CHECK(r.with == std::vector<std::string>{"x@acme.example"});
}

TEST_CASE("a public domain never matches by domain, only by a contact's exact address") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match({from("someone@gmail.com"), to("alice@harbourpike.example")});
    CHECK(r.outcome == CaptureOutcome::none);
    CHECK(r.candidates.empty());
    r = m.match({from("guy@gmail.com"), to("alice@harbourpike.example")});
    CHECK(r.outcome == CaptureOutcome::matched);
    CHECK(r.client == 1);
    // A subdomain of a public domain says no more than the domain.
    CaptureSettings mine = s;
    mine.public_domains = {"acme.example"};
    CaptureMatcher public_acme(kClients, kTeam, mine);
    CHECK(public_acme.match({from("z@mail.acme.example")}).outcome == CaptureOutcome::none);
    CHECK(public_acme.match({from("z@acme.example")}).outcome == CaptureOutcome::none);
}

TEST_CASE("the team's own domain matches no client, nor does a teammate's address") {
    std::vector<Client> clients = kClients;
    clients.push_back(client("us", {{"Old Colleague", "carol@harbourpike.example"}}));
    const CaptureSettings s = settings();
    CaptureMatcher m(clients, kTeam, s);
    CHECK(m.match({from("alice@harbourpike.example"), to("bob@harbourpike.example")}).outcome ==
          CaptureOutcome::none);
    // Carol's own address is a contact's: that is exact, and still matches.
    auto r = m.match({from("carol@harbourpike.example"), to("bob@harbourpike.example")});
    CHECK(r.outcome == CaptureOutcome::matched);
    CHECK(r.client == 6);
    CHECK(m.match({from("dave@harbourpike.example")}).outcome == CaptureOutcome::none);
}

TEST_CASE("two clients: several, with both as candidates, by address or by domain") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match(
        {from("alice@harbourpike.example"), to("jane@acme.example"), to("raj@brick.example")});
    CHECK(r.outcome == CaptureOutcome::several);
    CHECK(r.candidates == std::vector<std::size_t>{0, 1});
    CHECK(r.with.empty());
    // One address that is a contact of two clients (a shared accountant).
    r = m.match({from("ACCT@books.example")});
    CHECK(r.outcome == CaptureOutcome::several);
    CHECK(r.candidates == std::vector<std::size_t>{2, 3});
    // One domain shared by two clients' contacts.
    r = m.match({from("new@east.example")});
    CHECK(r.outcome == CaptureOutcome::several);
    CHECK(r.by_domain);
    CHECK(r.candidates == std::vector<std::size_t>{4, 5});
}

TEST_CASE("an exact address wins over a domain that points elsewhere") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match({from("jane@acme.example"), to("someone@brick.example")});
    CHECK(r.outcome == CaptureOutcome::matched);
    CHECK(r.client == 0);
    CHECK_FALSE(r.by_domain);
}

TEST_CASE("capture.never: an address, or a domain and its subdomains, on any line") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match({from("Payroll@harbourpike.example"), to("jane@acme.example")});
    CHECK(r.outcome == CaptureOutcome::skipped);
    CHECK(r.skip == CaptureSkip::never);
    CHECK(r.never == "payroll@harbourpike.example");
    r = m.match({from("jane@acme.example"), to("list@mail.newsletter.example")});
    CHECK(r.skip == CaptureSkip::never);
    CHECK(r.never == "newsletter.example");
    // Not a suffix that only looks like the domain.
    CHECK(m.match({from("jane@acme.example"), to("x@notnewsletter.example")}).outcome ==
          CaptureOutcome::matched);
    // A forced client is still never logged.
    CHECK(m.match_client({from("payroll@harbourpike.example")}, 0).skip == CaptureSkip::never);
}

TEST_CASE("more than max_recipients people besides the sender: skipped, counted once each") {
    const CaptureSettings s = settings();  // at most 3
    CaptureMatcher m(kClients, kTeam, s);
    std::vector<CaptureParticipant> people{from("jane@acme.example"), to("a@x.example"),
                                           to("b@x.example"), to("c@x.example")};
    CHECK(m.match(people).outcome == CaptureOutcome::matched);
    people.push_back(to("A@X.example"));        // the same person again
    people.push_back(to("jane@acme.example"));  // the sender, copied
    CHECK(m.match(people).outcome == CaptureOutcome::matched);
    people.push_back(to("d@x.example"));
    auto r = m.match(people);
    CHECK(r.outcome == CaptureOutcome::skipped);
    CHECK(r.skip == CaptureSkip::too_many);
    CHECK(r.recipients == 4);
}

TEST_CASE("a chosen client: its contacts and its domain's people in with, the team as ever") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match_client({from("bob@harbourpike.example"), to("raj@brick.example"),
                             to("newbie@acme.example", "Newbie"), to("guy@gmail.com")},
                            0);
    CHECK(r.outcome == CaptureOutcome::matched);
    CHECK(r.client == 0);
    CHECK(r.with == std::vector<std::string>{"Newbie"});
    CHECK(r.by == "Bob Jones");
    CHECK(r.outgoing);
}

TEST_CASE("nobody at all, or blank addresses: none, and no teammate") {
    const CaptureSettings s = settings();
    CaptureMatcher m(kClients, kTeam, s);
    auto r = m.match({});
    CHECK(r.outcome == CaptureOutcome::none);
    CHECK(r.by.empty());
    CHECK(m.match({from("  "), to("")}).outcome == CaptureOutcome::none);
    CHECK(capture_address_key(" <Jane@ACME.example> ") == "jane@acme.example");
}
