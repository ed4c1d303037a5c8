#include <doctest/doctest.h>

#include <string>

#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/error.hpp"

#include "support/dates.hpp"

using namespace crm;
using namespace crm::schema;

namespace {

std::vector<std::string> problems(const std::string& text, const Settings& s = Settings{}) {
    std::vector<std::string> out;
    for (const auto& e : check_file(text, "o.yaml", FileKind::opportunity, s))
        out.push_back(e.what());
    return out;
}

const char* kSpecExample = R"(title: Depot expansion stage 2
by: Alice Smith                # who logged it
owner: Alice Smith
stage: pre-scoping
value: 180000
probability: 10
engaged: 2026-10-02
rfp_expected: 2027-03-01
decision_expected: 2027-05-15
next_step: Site walk with the depot manager
next_step_due: 2026-12-10
notes: |
  Free text.
sector: transport
)";

}  // namespace

TEST_CASE("the spec's opportunity file reads, custom keys kept") {
    const Opportunity o = read_opportunity(kSpecExample, "clients/a/opportunities/x.yaml");
    CHECK(o.file == "clients/a/opportunities/x.yaml");
    CHECK(o.title == "Depot expansion stage 2");
    CHECK(o.by == "Alice Smith");
    CHECK(o.stage == "pre-scoping");
    CHECK(o.value == Money{180000});
    CHECK(o.probability == Percent{10});
    CHECK(o.engaged == crm::test::day("2026-10-02"));
    CHECK(o.rfp_expected == crm::test::day("2027-03-01"));
    CHECK(o.decision_expected == crm::test::day("2027-05-15"));
    CHECK(o.next_step_due == crm::test::day("2026-12-10"));
    CHECK_FALSE(o.won);
    CHECK(o.notes == "Free text.\n");
    REQUIRE(o.custom.size() == 1);
    CHECK(o.custom[0].first == "sector");
    CHECK(problems(kSpecExample).empty());
}

TEST_CASE("an opportunity survives writing and reading back") {
    Opportunity o;
    o.title = "yes";  // a YAML 1.1 boolean, kept as text
    o.by = "Alice Smith";
    o.stage = "won";
    o.value = Money{12500.5};
    o.probability = Percent{0};
    o.won = crm::test::day("2027-05-20");
    o.next_step = "Call: # not a comment";
    o.notes = "two\nlines";
    const std::string text = opportunity_yaml(o);
    CHECK(
        text.starts_with("title: \"yes\"\nby: Alice Smith\nstage: won\nvalue: 12500.5\n"
                         "probability: 0\n"));
    const Opportunity back = read_opportunity(text, "x");
    CHECK(back.title == "yes");
    CHECK(back.value == o.value);
    CHECK(back.probability == o.probability);
    CHECK(back.won == o.won);
    CHECK(back.next_step == o.next_step);
    CHECK(back.notes == o.notes);
    CHECK(problems(text).empty());
}

TEST_CASE("crm check: every wrong value of an opportunity, at its line") {
    CHECK(
        problems("title: A\nstage: hot\nvalue: 180,000\nprobability: 150\nengaged: 2026-02-30\n") ==
        std::vector<std::string>{
            "o.yaml:2:8: stage: unknown stage 'hot'",
            "o.yaml:3:8: value: '180,000' is not a non-negative number",
            "o.yaml:4:14: probability: '150' is not a percentage from 0 to 100",
            "o.yaml:5:10: engaged: '2026-02-30' is not a date",
        });
    CHECK(problems("title: A\nvalue: -5\n") ==
          std::vector<std::string>{"o.yaml:2:8: value: '-5' is not a non-negative number"});
    CHECK(problems("by: A\n").front() == "o.yaml:1:1: opportunity has no title:");
    // Won and lost are stages too, and end it.
    CHECK(problems("title: A\nstage: lost\nlost: 2026-11-01\n").empty());
}

TEST_CASE("crm check: the rules between keys") {
    CHECK(problems("title: A\nwon: 2026-11-01\nlost: 2026-11-02\n") ==
          std::vector<std::string>{"o.yaml:3:7: an opportunity is won or lost, not both"});
    CHECK(problems("title: A\nstage: won\nlost: 2026-11-02\n").size() == 1);
    CHECK(problems("title: A\nstage: lost\nwon: 2026-11-02\n") ==
          std::vector<std::string>{"o.yaml:2:8: an opportunity is won or lost, not both"});
    CHECK(problems("title: A\nrfp_expected: 2027-06-01\ndecision_expected: 2027-05-15\n") ==
          std::vector<std::string>{
              "o.yaml:2:15: rfp_expected 2027-06-01 is after decision_expected 2027-05-15"});
    CHECK(problems("title: A\nrfp_expected: 2027-05-15\ndecision_expected: 2027-05-15\n").empty());
    // Reading for a report is not checking: the file is still read.
    CHECK(read_opportunity("title: A\nwon: 2026-11-01\nlost: 2026-11-02\n", "x").won);
}

TEST_CASE("crm.yaml: opportunity_stages in order with their probabilities, and rfp_lead") {
    const Settings defaults = read_settings(default_settings_yaml(), "crm.yaml");
    CHECK(defaults.opportunity_stages == Settings{}.opportunity_stages);
    CHECK(defaults.rfp_lead == Duration{30, Duration::Unit::days});
    CHECK(defaults.opportunity_stage_names() ==
          std::vector<std::string>{"pre-scoping", "rfp", "proposal", "negotiation", "won", "lost"});

    const Settings s = read_settings(
        "opportunity_stages:\n  chat: 5\n  bid: 30\n  shortlist: 60\nrfp_lead: 6w\n", "crm.yaml");
    CHECK(s.opportunity_stages ==
          std::vector<OpportunityStage>{{"chat", 5}, {"bid", 30}, {"shortlist", 60}});
    CHECK(s.rfp_lead == Duration{6, Duration::Unit::weeks});
    CHECK(s.find_opportunity_stage("bid")->probability == 30);
    CHECK(problems("title: A\nstage: bid\n", s).empty());
    CHECK(problems("title: A\nstage: rfp\n", s).size() == 1);

    CHECK_THROWS_WITH_AS(read_settings("opportunity_stages:\n  chat: 150\n", "crm.yaml"),
                         doctest::Contains("crm.yaml:2:9: opportunity_stages.chat"), DataError);
    CHECK_THROWS_WITH_AS(read_settings("opportunity_stages:\n  won: 100\n", "crm.yaml"),
                         doctest::Contains("'won' is not an open stage"), DataError);
    CHECK_THROWS_AS(read_settings("opportunity_stages: {}\n", "crm.yaml"), DataError);
    CHECK_THROWS_AS(read_settings("opportunity_stages: [a, b]\n", "crm.yaml"), DataError);
    CHECK_THROWS_AS(read_settings("rfp_lead: soon\n", "crm.yaml"), DataError);
}
