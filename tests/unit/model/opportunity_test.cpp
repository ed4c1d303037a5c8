#include <doctest/doctest.h>

#include <cmath>

#include "crm/model/opportunity.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

Opportunity opp(const char* logged = "2026-10-02") {
    Opportunity o;
    o.file = std::string("clients/acme/opportunities/") + logged + "-alice-smith-a1b2c3.yaml";
    o.title = "Depot";
    o.by = "Alice Smith";
    return o;
}

}  // namespace

TEST_CASE("an opportunity is open until it has a won or lost date or stage") {
    Opportunity o = opp();
    CHECK(outcome_of(o) == Outcome::open);
    CHECK(is_open(o));
    o.stage = "won";
    CHECK(outcome_of(o) == Outcome::won);
    o.stage = "proposal";
    o.lost = crm::test::day("2026-11-01");
    CHECK(outcome_of(o) == Outcome::lost);
    // Both, as crm check refuses: the won date counts first.
    o.won = crm::test::day("2026-11-02");
    CHECK(outcome_of(o) == Outcome::won);
    Opportunity l = opp();
    l.stage = "lost";
    CHECK(outcome_of(l) == Outcome::lost);
}

TEST_CASE("stage and probability: its own, else the folder's defaults") {
    const Settings s;
    Opportunity o = opp();
    CHECK(stage_of(o, s) == "pre-scoping");
    CHECK(probability_of(o, s) == 10);
    o.stage = "negotiation";
    CHECK(probability_of(o, s) == 75);
    o.probability = Percent{40};
    CHECK(probability_of(o, s) == 40);
    o.probability.reset();
    o.stage = "unheard-of";
    CHECK(stage_of(o, s) == "unheard-of");
    CHECK(probability_of(o, s) == 0);
    o.won = crm::test::day("2026-11-01");
    CHECK(stage_of(o, s) == "won");
    CHECK(probability_of(o, s) == 100);

    Settings custom;
    custom.opportunity_stages = {{"chat", 5}, {"bid", 30}};
    CHECK(stage_of(opp(), custom) == "chat");
    CHECK(probability_of(opp(), custom) == 5);
}

TEST_CASE("weighted value: value x probability / 100, to the cent; none without a value") {
    const Settings s;
    Opportunity o = opp();
    CHECK_FALSE(weighted_value(o, s));
    o.value = Money{180000};
    CHECK(*weighted_value(o, s) == 18000);
    o.value = Money{100001};
    o.probability = Percent{33};
    CHECK(*weighted_value(o, s) == doctest::Approx(33000.33));
    o.probability = Percent{0};
    CHECK(*weighted_value(o, s) == 0);
}

TEST_CASE("the clock: engaged against the RFP that came out, else the one expected") {
    Opportunity o = opp("2026-10-02");
    CHECK(engaged_on(o) == crm::test::day("2026-10-02"));  // the day it was logged
    CHECK_FALSE(rfp_date(o));
    CHECK_FALSE(months_before_rfp(o));
    CHECK(engagement_of(o) == Engagement::unknown);

    o.rfp_expected = crm::test::day("2027-03-01");  // 150 days: 4.93 months
    CHECK(*months_before_rfp(o) == doctest::Approx(4.9));
    CHECK(engagement_of(o) == Engagement::early);
    o.rfp_since = crm::test::day("2026-09-01");  // it came out before we talked
    CHECK(rfp_date(o) == crm::test::day("2026-09-01"));
    CHECK(*months_before_rfp(o) == doctest::Approx(-1.0));
    CHECK(engagement_of(o) == Engagement::late);
    o.engaged = crm::test::day("2026-09-01");  // on the day: late
    CHECK(engagement_of(o) == Engagement::late);
    CHECK(*months_before_rfp(o) == 0.0);
    CHECK_FALSE(std::signbit(*months_before_rfp(o)));
    o.engaged = crm::test::day("2026-08-31");
    CHECK(engagement_of(o) == Engagement::early);

    Opportunity nameless;
    nameless.file = "clients/acme/opportunities/depot.yaml";
    nameless.rfp_expected = crm::test::day("2027-03-01");
    CHECK_FALSE(engaged_on(nameless));
    CHECK(engagement_of(nameless) == Engagement::unknown);
}

TEST_CASE("a fee is a plain non-negative number") {
    CHECK(parse_money("180000") == Money{180000});
    CHECK(parse_money(" 12500.50 ") == Money{12500.5});
    CHECK(parse_money("0") == Money{0});
    CHECK(parse_money("99999999999999") == Money{99999999999999});
    for (const char* bad : {"", "-5", "+5", "180,000", "1_000", "1e5", "$100", "12.", ".5",
                            "12.5.1", "abc", "999999999999999", "0x1F", "nan", "inf"})
        CHECK_MESSAGE(!parse_money(bad), bad);
    CHECK(money_text(Money{180000}) == "180000");
    CHECK(money_text(Money{12500.5}) == "12500.5");
    CHECK(money_text(Money{0.1}) == "0.1");
    CHECK(parse_money(money_text(Money{1234567.89})) == Money{1234567.89});
}

TEST_CASE("a probability is a whole percentage from 0 to 100") {
    CHECK(parse_percent("0") == Percent{0});
    CHECK(parse_percent("100") == Percent{100});
    CHECK(parse_percent("25%") == Percent{25});
    for (const char* bad : {"", "101", "-1", "12.5", "abc", "1000", "%"})
        CHECK_MESSAGE(!parse_percent(bad), bad);
}
