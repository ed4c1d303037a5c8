#include <doctest/doctest.h>

#include "crm/reports/pipeline.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

Opportunity opp(const char* title, const char* stage, double value, const char* decision = nullptr,
                const char* owner = "Alice Smith") {
    Opportunity o;
    o.file = std::string("clients/x/opportunities/2026-01-05-") + title + ".yaml";
    o.title = title;
    o.by = "Alice Smith";
    o.owner = owner;
    o.stage = stage;
    if (value >= 0)
        o.value = Money{value};
    if (decision)
        o.decision_expected = crm::test::day(decision);
    return o;
}

Opportunity closed(const char* title, bool won, const char* engaged, const char* rfp_expected,
                   const char* rfp_since = nullptr) {
    Opportunity o = opp(title, won ? "won" : "lost", 1000);
    (won ? o.won : o.lost) = crm::test::day("2026-06-01");
    if (engaged)
        o.engaged = crm::test::day(engaged);
    if (rfp_expected)
        o.rfp_expected = crm::test::day(rfp_expected);
    if (rfp_since)
        o.rfp_since = crm::test::day(rfp_since);
    return o;
}

ClientRecord client(const char* slug, std::vector<Opportunity> opportunities) {
    ClientRecord r;
    r.client.slug = slug;
    r.client.name = std::string(slug) + " Ltd";
    r.opportunities = std::move(opportunities);
    return r;
}

}  // namespace

TEST_CASE("pipeline: open opportunities by stage, weighted with the stages' defaults") {
    const std::vector<ClientRecord> rs = {
        client("acme",
               {opp("Depot", "pre-scoping", 180000, "2027-05-15"),
                opp("Bridge", "proposal", 50000, "2027-01-20"), opp("Won one", "won", 99999)}),
        client("beta", {opp("Pier", "", 20000, "2027-05-02"),          // no stage: the first
                        opp("Road", "negotiation", -1, "2027-01-05"),  // no value
                        opp("Odd", "shortlisted", 1000)}),             // a stage crm.yaml lacks
    };
    const Pipeline p = build_pipeline(rs, Settings{});
    REQUIRE(p.open.size() == 5);
    std::vector<std::string> order;
    for (const auto& r : p.open)
        order.push_back(r.opportunity->title);
    // Stages in crm.yaml's order, then by decision; unknown stages last.
    CHECK(order == std::vector<std::string>{"Pier", "Depot", "Bridge", "Road", "Odd"});
    CHECK(p.open[0].stage == "pre-scoping");
    CHECK(p.open[0].probability == 10);
    CHECK(*p.open[0].weighted == 2000);
    CHECK(*p.open[1].weighted == 18000);
    CHECK(*p.open[2].weighted == 25000);
    CHECK(p.open[3].probability == 75);
    CHECK_FALSE(p.open[3].weighted);
    CHECK(p.open[4].probability == 0);
    CHECK(p.value == 251000);
    CHECK(p.weighted == 45000);
    CHECK(p.undated == 1);
    REQUIRE(p.by_month.size() == 2);
    CHECK(p.by_month[0].month == "2027-01");
    CHECK(p.by_month[0].count == 2);
    CHECK(p.by_month[0].weighted == 25000);
    CHECK(p.by_month[1].month == "2027-05");
    CHECK(p.by_month[1].count == 2);
    CHECK(p.by_month[1].weighted == 20000);
}

TEST_CASE("pipeline: the deal clock counts won and lost by how early we engaged") {
    const std::vector<ClientRecord> rs = {
        client("acme", {closed("a", true, "2026-01-01", "2026-03-01"),   // early, won
                        closed("b", true, "2026-01-01", "2026-03-01"),   // early, won
                        closed("c", false, "2026-01-01", "2026-03-01"),  // early, lost
                        // expected later, but it came out before we engaged: late
                        closed("d", false, "2026-02-10", "2026-04-01", "2026-02-01"),
                        closed("e", false, "2026-03-01", "2026-03-01"),  // on the day: late
                        closed("f", true, "2026-04-01", "2026-03-01"),   // late, won
                        closed("g", true, nullptr, nullptr),             // no RFP date: not counted
                        opp("open", "rfp", 1000)})};
    const Pipeline p = build_pipeline(rs, Settings{});
    CHECK(p.clock.early.won == 2);
    CHECK(p.clock.early.lost == 1);
    CHECK(p.clock.late.won == 1);
    CHECK(p.clock.late.lost == 2);
    CHECK(p.open.size() == 1);
}

TEST_CASE("pipeline: months engaged before the RFP, and the owner's pipeline only") {
    Opportunity early = opp("early", "rfp", 1000, nullptr, "Bob Jones");
    early.engaged = crm::test::day("2026-10-02");
    early.rfp_expected = crm::test::day("2027-03-01");
    Opportunity late = opp("late", "rfp", 1000, nullptr, "alice smith ");
    late.engaged = crm::test::day("2026-11-01");
    late.rfp_since = crm::test::day("2026-10-01");
    Opportunity lost = closed("lost", false, "2026-01-01", "2026-02-01");
    lost.owner = "Bob Jones";
    const std::vector<ClientRecord> rs = {client("acme", {early, late, lost})};
    const Pipeline all = build_pipeline(rs, Settings{});
    REQUIRE(all.open.size() == 2);
    CHECK(*all.open[0].months_before_rfp == doctest::Approx(4.9));
    CHECK(*all.open[1].months_before_rfp == doctest::Approx(-1.0));
    CHECK(all.open[0].engaged == crm::test::day("2026-10-02"));

    const Pipeline bob = build_pipeline(rs, Settings{}, "bob jones");
    REQUIRE(bob.open.size() == 1);
    CHECK(bob.open[0].opportunity->title == "early");
    CHECK(bob.clock.early.lost == 1);
    CHECK(build_pipeline(rs, Settings{}, "Alice Smith").open[0].opportunity->title == "late");
    CHECK(build_pipeline(rs, Settings{}, "Alice Smith").clock.early.closed() == 0);
}
