#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/funnel_view.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Styler;

namespace {

struct Funnel {
    std::vector<ClientRecord> records;
    std::vector<FunnelStage> stages;
};

// Three stages of crm.yaml (one inactive, one empty) and one no crm.yaml lists, with
// an entry from each source of the stage date.
Funnel funnel() {
    Funnel f;
    f.records = {record("acme", "Acme Pty Ltd"), record("bolt", "Bolt Ltd"),
                 record("cogs", "Cogs\x1b]0;t\x07 Co"), record("gone", "Gone Ltd"),
                 record("odd", "Odd Ltd")};
    const auto& c = f.records;
    f.stages = {
        {"lead", true, false, {}},
        {"client",
         true,
         false,
         {{std::make_shared<const Client>(c[0].client), d("2026-05-01"), StageSource::stage_since,
           206},
          {std::make_shared<const Client>(c[1].client), d("2026-11-01"), StageSource::since, 22},
          {std::make_shared<const Client>(c[2].client), std::nullopt, StageSource::unknown,
           std::nullopt}}},
        {"lost",
         true,
         true,
         {{std::make_shared<const Client>(c[3].client), d("2026-08-01"), StageSource::git, 114}}},
        {"pitch\x1b[2J",
         false,
         false,
         {{std::make_shared<const Client>(c[4].client), d("2026-11-23"), StageSource::git, 0}}},
    };
    return f;
}

}  // namespace

TEST_CASE("funnel_table: bars per stage, then how long each client has been in it") {
    const Funnel f = funnel();
    CHECK(render::funnel_table(f.stages, Styler(false), 0) ==
          "Funnel  5 clients\n"
          "lead                                                 0\n"
          "client     ████████████████████████████████████████  3\n"
          "lost       █████████████                             1  inactive\n"
          "pitch [2J  █████████████                             1  not a stage in crm.yaml\n"
          "\n"
          "STAGE      CLIENT         IN STAGE  SINCE\n"
          "client     Acme Pty Ltd   6 months  2026-05-01\n"
          "           Bolt Ltd       3 weeks   2026-11-01 (added)\n"
          "           Cogs ]0;t  Co  unknown\n"
          "lost       Gone Ltd       3 months  2026-08-01 (git)\n"
          "pitch [2J  Odd Ltd        today     2026-11-23 (git)\n"
          "(added): no record of the stage change, so counted from the date the client was "
          "added\n");
}

TEST_CASE("funnel_table: a narrow terminal shortens bars, notes and names, wraps the legend") {
    const Funnel f = funnel();
    const std::string out = render::funnel_table(f.stages, Styler(false), 40);
    const std::string chart = out.substr(0, out.find("\n\n") + 1);
    CHECK(widest_line(chart) <= 40);
    CHECK(chart.find("  1  not a stage in crm…\n") != std::string::npos);
    // The names wrap (never cut) and the durations stay whole; the table fits.
    CHECK(widest_line(out) <= 40);
    CHECK(out.find("6 months") != std::string::npos);
    CHECK(out.find("Acme Pty Ltd") != std::string::npos);
    CHECK(
        out.ends_with("(added): no record of the stage change,\nso counted from the date the "
                      "client was\nadded\n"));
}

TEST_CASE("funnel_table: colours by stage kind; no (added) legend without an estimate") {
    Funnel f = funnel();
    f.stages[1].entries.erase(f.stages[1].entries.begin() + 1);
    const std::string out = render::funnel_table(f.stages, Styler(true), 80);
    CHECK(out.starts_with("\x1b[1mFunnel\x1b[0m  \x1b[2m4 clients\x1b[0m\n"));
    CHECK(out.find("\x1b[36m████") != std::string::npos);  // a configured stage
    CHECK(out.find("\x1b[33m████") != std::string::npos);  // one crm.yaml does not list
    CHECK(out.find("\x1b[2mlost\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[2m2026-08-01 (git)\x1b[0m") != std::string::npos);
    CHECK(out.find("(added)") == std::string::npos);
    CHECK_FALSE(has_controls(without_styles(out)));
}

TEST_CASE("funnel_json: every stage in order with its clients, exact text") {
    const Funnel f = funnel();
    const auto j = formats::Json::parse(render::funnel_json(f.stages, kToday));
    CHECK(j["as_of"] == "2026-11-23");
    REQUIRE(j["stages"].size() == 4);
    CHECK(j["stages"][0]["count"] == 0);
    const auto& client = j["stages"][1];
    CHECK(client["count"] == 3);
    CHECK(client["clients"][0] == formats::Json{{"client", "acme"},
                                                {"name", "Acme Pty Ltd"},
                                                {"since", "2026-05-01"},
                                                {"source", "stage_since"},
                                                {"days", 206}});
    CHECK(client["clients"][2]["name"] == "Cogs\x1b]0;t\x07 Co");
    CHECK(client["clients"][2]["source"].is_null());
    CHECK(client["clients"][2]["days"].is_null());
    CHECK(j["stages"][2]["inactive"] == true);
    CHECK(j["stages"][3]["stage"] == "pitch\x1b[2J");
    CHECK(j["stages"][3]["configured"] == false);
}
