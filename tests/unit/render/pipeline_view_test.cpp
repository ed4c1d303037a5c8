#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/numbers.hpp"
#include "crm/render/pipeline_view.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Styler;

namespace {

Opportunity opp(const char* title, const char* stage, double value, const char* rfp,
                const char* decision) {
    Opportunity o;
    o.file = std::string("clients/x/opportunities/2026-10-02-") + title + ".yaml";
    o.title = title;
    o.stage = stage;
    o.value = Money{value};
    if (rfp)
        o.rfp_expected = d(rfp);
    if (decision)
        o.decision_expected = d(decision);
    return o;
}

std::vector<ClientRecord> records() {
    ClientRecord acme = record("acme", "Acme Engineering Pty Ltd");
    acme.opportunities = {
        opp("Depot expansion stage 2", "pre-scoping", 180000, "2027-03-01", "2027-05-15"),
        opp("Pier inspection", "proposal", 12500.5, nullptr, "2027-01-20")};
    ClientRecord evil = record("evil", "Evil\x1b]0;pwned\x07 Co");
    Opportunity late = opp("Haul road", "rfp", 40000, nullptr, "2027-01-10");
    late.rfp_since = d("2026-09-01");  // out a month before we engaged
    Opportunity won = opp("Old job", "won", 1000, "2026-05-01", nullptr);
    won.engaged = d("2026-01-12");
    won.won = d("2026-06-01");
    evil.opportunities = {late, won};
    return {acme, evil};
}

int widest(const std::string& text) {
    int w = 0;
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
        end = std::min(text.find('\n', start), text.size());
        w = std::max(w, display_width(text.substr(start, end - start)));
    }
    return w;
}

}  // namespace

TEST_CASE("amounts: digits grouped by three, cents when there are any") {
    CHECK(render::amount_text(0) == "0");
    CHECK(render::amount_text(999) == "999");
    CHECK(render::amount_text(180000) == "180,000");
    CHECK(render::amount_text(1234567.891) == "1,234,567.89");
    CHECK(render::amount_text(12500.5) == "12,500.50");
    CHECK(render::amount_text(-1500) == "-1,500");
}

TEST_CASE("pipeline_table: the open ones by stage, the months, and the clock's reading") {
    const auto rs = records();
    const Pipeline p = build_pipeline(rs, Settings{});
    CHECK(render::pipeline_table(p, kToday, Styler(false), 0) ==
          "Pipeline as of 2026-11-23: 3 open opportunities, value 232,500.50, weighted "
          "34,250.25\n"
          "STAGE        CLIENT                    TITLE                        VALUE   %  "
          "WEIGHTED  RFP             DECISION    BEFORE RFP\n"
          "pre-scoping  Acme Engineering Pty Ltd  Depot expansion stage 2    180,000  10    "
          "18,000  2027-03-01      2027-05-15      4.9 mo\n"
          "rfp          Evil ]0;pwned  Co         Haul road                   40,000  25    "
          "10,000  2026-09-01 out  2027-01-10     -1.0 mo\n"
          "proposal     Acme Engineering Pty Ltd  Pier inspection          12,500.50  50  "
          "6,250.25                  2027-01-20\n"
          "\n"
          "Weighted value by month of expected decision\n"
          "2027-01  ████████████████████████████████████      16,250.25  2 opportunities\n"
          "2027-05  ████████████████████████████████████████     18,000  1 opportunity\n"
          "\n"
          "Deal clock (won and lost, all history)\n"
          "  engaged early: won 1 of 1; late: won 0 of 0\n");
}

TEST_CASE("pipeline_table: fits the terminal; a sentence when nothing is open") {
    const auto rs = records();
    const Pipeline p = build_pipeline(rs, Settings{});
    for (int width : {100, 80, 60, 40}) {
        const std::string out = render::pipeline_table(p, kToday, Styler(false), width);
        CHECK_MESSAGE(widest(out) <= width, out);
    }
    const std::string out = render::pipeline_table(p, kToday, Styler(false), 80);
    CHECK(out.find("Depot") != std::string::npos);

    const Pipeline none = build_pipeline({}, Settings{});
    CHECK(render::pipeline_table(none, kToday, Styler(false), 0) ==
          "No open opportunities as of 2026-11-23; log one with 'crm opportunity add CLIENT "
          "TITLE'\n"
          "\n"
          "Deal clock (won and lost, all history)\n"
          "  no opportunity won or lost with an RFP date yet\n");
}

TEST_CASE("clock_reading: early against late") {
    DealClock c;
    c.early = {7, 2};
    c.late = {1, 5};
    CHECK(render::clock_reading(c) == "engaged early: won 7 of 9; late: won 1 of 6");
}

TEST_CASE("pipeline_json: the spec's keys, numbers as numbers") {
    const auto rs = records();
    const Pipeline p = build_pipeline(rs, Settings{});
    const auto j = formats::Json::parse(render::pipeline_json(p, kToday));
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"as_of", "open", "by_month", "clock"});
    REQUIRE(j["open"].size() == 3);
    std::vector<std::string> row_keys;
    for (auto it = j["open"][0].begin(); it != j["open"][0].end(); ++it)
        row_keys.push_back(it.key());
    CHECK(row_keys == std::vector<std::string>{"client", "title", "stage", "value", "probability",
                                               "weighted", "rfp_expected", "decision_expected",
                                               "engaged", "months_before_rfp"});
    const auto& depot = j["open"][0];
    CHECK(depot["client"] == "acme");
    CHECK(depot["value"] == 180000);
    CHECK(depot["value"].is_number_integer());
    CHECK(depot["weighted"] == 18000);
    CHECK(depot["engaged"] == "2026-10-02");
    CHECK(depot["months_before_rfp"] == 4.9);
    CHECK(j["open"][2]["weighted"] == 6250.25);
    CHECK(j["open"][2]["rfp_expected"].is_null());
    CHECK(j["open"][2]["months_before_rfp"].is_null());
    CHECK(j["by_month"][0] ==
          formats::Json{{"month", "2027-01"}, {"count", 2}, {"weighted", 16250.25}});
    CHECK(j["clock"] == formats::Json::parse(R"({"early": {"won": 1, "lost": 0},
                                                 "late": {"won": 0, "lost": 0}})"));
}

TEST_CASE("pipeline_csv: a row per open opportunity, plain numbers") {
    const auto rs = records();
    const Pipeline p = build_pipeline(rs, Settings{});
    const std::string csv = render::pipeline_csv(p);
    CHECK(
        csv.starts_with("client,title,stage,value,probability,weighted,rfp_expected,"
                        "decision_expected,engaged,months_before_rfp\r\n"
                        "acme,Depot expansion stage 2,pre-scoping,180000,10,18000,2027-03-01,"
                        "2027-05-15,2026-10-02,4.9\r\n"));
    CHECK(csv.find("evil,Haul road,rfp,40000,25,10000,,2027-01-10,2026-10-02,-1.0\r\n") !=
          std::string::npos);
}
