// crm notify's report: what others added at the clients each teammate watches or owns.
#include <doctest/doctest.h>

#include "crm/reports/alerts.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

ClientRecord record(const std::string& slug, const std::string& name, const std::string& owner,
                    std::vector<std::string> watchers = {}) {
    ClientRecord r;
    r.client.slug = slug;
    r.client.name = name;
    r.client.owner = owner;
    r.client.watchers = std::move(watchers);
    return r;
}

Visit visit(const std::string& slug, const std::string& name, const char* date,
            const std::string& by, const std::string& notes) {
    Visit v;
    v.file = "clients/" + slug + "/visits/" + name + ".yaml";
    v.date = crm::test::day(date);
    v.by = by;
    v.notes = notes;
    return v;
}

const std::vector<TeamMember> kTeam = {{"Alice Smith", "alice@hp.example"},
                                       {"Bob Jones", "bob@hp.example"},
                                       {"Carol White", "carol@hp.example"}};

}  // namespace

TEST_CASE("added files: to the owner and the watchers, never their own work") {
    auto acme = record("acme", "Acme", "Alice Smith", {"Bob Jones"});
    Visit v1 = visit("acme", "v1", "2026-11-20", "Carol White", "Phase 2 scope\nmore");
    v1.promises.push_back(
        {"Send capability statement", crm::test::day("2026-11-30"), std::nullopt});
    v1.next_contact = crm::test::day("2026-12-15");
    acme.visits = {v1, visit("acme", "v2", "2026-11-21", "Alice Smith", "Alice's own")};
    Review rv;
    rv.file = "clients/acme/reviews/r1.yaml";
    rv.date = crm::test::day("2026-11-22");
    rv.by = "";  // no by: the commit's author stands in
    rv.project = "Bridge";
    rv.rating = Rating::happy;
    acme.reviews = {rv};
    auto beta = record("beta", "Beta", "Carol White");
    beta.visits = {visit("beta", "b1", "2026-11-21", "Bob Jones", "Beta call")};

    const std::vector<AddedFile> added = {
        {"clients/acme/visits/v1.yaml", "Carol White"},
        {"clients/acme/visits/v2.yaml", "Alice Smith"},
        {"clients/acme/reviews/r1.yaml", "Bob Jones"},
        {"clients/beta/visits/b1.yaml", "Bob Jones"},
        {"clients/beta/client.yaml", "Bob Jones"},    // a new client is not a report
        {"clients/gone/visits/x.yaml", "Bob Jones"},  // no record loaded: skipped
        {"crm.yaml", "Bob Jones"},
    };
    auto alerts = alerts_from_added(kTeam, added, {acme, beta});
    REQUIRE(alerts.size() == 3);

    // Alice owns Acme: Carol's visit and Bob's review, not her own visit.
    CHECK(alerts[0].member.name == "Alice Smith");
    REQUIRE(alerts[0].clients.size() == 1);
    const AlertClient& a = alerts[0].clients[0];
    CHECK(a.owned);
    CHECK_FALSE(a.watched);
    REQUIRE(a.items.size() == 2);
    CHECK(a.items[0].file == "clients/acme/visits/v1.yaml");
    CHECK(a.items[0].author == "Carol White");
    CHECK(a.items[0].summary == "Phase 2 scope");
    CHECK(a.items[0].promises.size() == 1);
    CHECK(a.items[0].next_contact == crm::test::day("2026-12-15"));
    CHECK(a.items[1].what == "review");
    CHECK(a.items[1].author == "Bob Jones");
    CHECK(a.items[1].summary == "happy: Bridge");
    CHECK(alerts[0].count() == 2);

    // Bob watches Acme: Carol's and Alice's visits, not the review he committed himself.
    CHECK(alerts[1].member.name == "Bob Jones");
    REQUIRE(alerts[1].clients.size() == 1);
    CHECK(alerts[1].clients[0].watched);
    CHECK(alerts[1].count() == 2);

    // Carol owns Beta: Bob's visit; her own Acme visit is not news to her, and she
    // neither owns nor watches Acme.
    CHECK(alerts[2].member.name == "Carol White");
    REQUIRE(alerts[2].clients.size() == 1);
    CHECK(alerts[2].clients[0].slug == "beta");
    CHECK(alerts[2].count() == 1);
}

TEST_CASE("by date, and without what was sent before") {
    auto acme = record("acme", "Acme", "alice smith");
    acme.visits = {visit("acme", "old", "2026-11-01", "Bob Jones", "old"),
                   visit("acme", "new", "2026-11-20", "Bob Jones", "new"),
                   visit("acme", "newer", "2026-11-22", "Bob Jones", "newer")};
    auto alerts = alerts_since(kTeam, {acme}, crm::test::day("2026-11-20"));
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].member.name == "Alice Smith");
    REQUIRE(alerts[0].count() == 2);
    CHECK(alerts[0].clients[0].items[0].summary == "new");

    drop_sent(alerts, [](const TeamMember& m, const AlertItem& i) {
        return m.name == "Alice Smith" && i.summary == "new";
    });
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].count() == 1);
    drop_sent(alerts, [](const TeamMember&, const AlertItem&) { return true; });
    CHECK(alerts.empty());
    CHECK(alerts_since(kTeam, {acme}, crm::test::day("2026-12-01")).empty());
}
