#include <doctest/doctest.h>

#include "crm/reports/funnel.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

ClientRecord client(const char* slug, const char* stage, std::optional<Date> since,
                    std::optional<Date> stage_since = std::nullopt) {
    ClientRecord rec;
    rec.client.slug = slug;
    rec.client.name = slug;
    rec.client.file = std::string("clients/") + slug + "/client.yaml";
    rec.client.stage = stage;
    rec.client.since = since;
    rec.client.stage_since = stage_since;
    return rec;
}

}  // namespace

TEST_CASE("stages come in configured order, then unknown ones; longest in stage first") {
    std::vector<ClientRecord> records;
    records.push_back(
        client("a", "client", crm::test::day("2026-01-01"), crm::test::day("2026-10-01")));
    records.push_back(client("b", "client", crm::test::day("2025-01-01")));
    records.push_back(client("c", "weird", crm::test::day("2026-11-01")));
    records.push_back(client("d", "lead", std::nullopt));
    records.push_back(client("e", "proposal", crm::test::day("2026-01-01")));
    const std::map<std::string, Date> git{{"clients/e/client.yaml", crm::test::day("2026-11-20")},
                                          {"clients/a/client.yaml", crm::test::day("2026-02-02")}};

    const auto stages = build_funnel(records, Settings{}, crm::test::day("2026-11-23"), git);
    REQUIRE(stages.size() == 7);
    CHECK(stages[0].stage == "lead");
    CHECK(stages[3].stage == "client");
    CHECK(stages[4].inactive);
    CHECK(stages[6].stage == "weird");
    CHECK_FALSE(stages[6].configured);

    const auto& client_stage = stages[3].entries;
    REQUIRE(client_stage.size() == 2);
    CHECK(client_stage[0].client->slug == "b");
    CHECK(client_stage[0].source == StageSource::since);
    CHECK(client_stage[1].source == StageSource::stage_since);  // beats git
    CHECK(client_stage[1].days == 53);

    REQUIRE(stages[2].entries.size() == 1);
    CHECK(stages[2].entries[0].source == StageSource::git);
    CHECK(stages[2].entries[0].days == 3);

    REQUIRE(stages[0].entries.size() == 1);
    CHECK(stages[0].entries[0].source == StageSource::unknown);
    CHECK_FALSE(stages[0].entries[0].days);
    CHECK(stages[1].entries.empty());
}

TEST_CASE("durations read like a person would say them") {
    CHECK(duration_words(0) == "today");
    CHECK(duration_words(1) == "1 day");
    CHECK(duration_words(13) == "13 days");
    CHECK(duration_words(14) == "2 weeks");
    CHECK(duration_words(60) == "8 weeks");
    CHECK(duration_words(61) == "2 months");
    CHECK(duration_words(400) == "13 months");
    CHECK(duration_words(730) == "2 years");
}
