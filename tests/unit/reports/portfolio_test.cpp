#include <doctest/doctest.h>

#include "crm/reports/portfolio.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

Ratings rated(int p, int c, int f) {
    return Ratings{p, c, f};
}

const std::vector<std::string> kTiers{"A", "B", "C"};

ClientRecord client(const char* slug, const char* tier, Ratings r, const char* stage = "client") {
    ClientRecord rec;
    rec.client.slug = slug;
    rec.client.name = slug;
    rec.client.tier = tier;
    rec.client.stage = stage;
    rec.client.ratings = r;
    return rec;
}

}  // namespace

TEST_CASE("the score band table gives the tier position") {
    CHECK(band_for_score(15) == 0);
    CHECK(band_for_score(13) == 0);
    CHECK(band_for_score(12) == 1);
    CHECK(band_for_score(9) == 1);
    CHECK(band_for_score(8) == 2);
    CHECK(band_for_score(3) == 2);
}

TEST_CASE("a 5/5/5 client in tier C is told to consider A") {
    CHECK(suggest_tier(rated(5, 5, 5), "C", kTiers) == std::optional<std::string>("A"));
}

TEST_CASE("clients within a point of their tier's band are not flagged") {
    CHECK_FALSE(suggest_tier(rated(4, 4, 4), "A", kTiers));  // 12: one below A
    CHECK_FALSE(suggest_tier(rated(3, 3, 3), "C", kTiers));  // 9: one above C
    CHECK_FALSE(suggest_tier(rated(3, 3, 2), "B", kTiers));  // 8: one below B
    CHECK_FALSE(suggest_tier(rated(5, 4, 4), "B", kTiers));  // 13: one above B
    CHECK_FALSE(suggest_tier(rated(5, 5, 4), "A", kTiers));
}

TEST_CASE("clients further out are flagged with the tier of their band") {
    CHECK(suggest_tier(rated(3, 4, 4), "A", kTiers) == std::optional<std::string>("B"));  // 11
    CHECK(suggest_tier(rated(2, 2, 3), "B", kTiers) == std::optional<std::string>("C"));  // 7
    CHECK(suggest_tier(rated(5, 5, 4), "B", kTiers) == std::optional<std::string>("A"));  // 14
    CHECK(suggest_tier(rated(1, 1, 1), "A", kTiers) == std::optional<std::string>("C"));
    CHECK(suggest_tier(rated(4, 4, 4), "C", kTiers) == std::optional<std::string>("B"));  // 12
}

TEST_CASE("incomplete ratings and unknown tiers give no suggestion") {
    Ratings partial;
    partial.potential = 5;
    partial.compatibility = 5;
    CHECK_FALSE(suggest_tier(partial, "C", kTiers));
    CHECK_FALSE(suggest_tier(Ratings{}, "C", kTiers));
    CHECK_FALSE(suggest_tier(rated(5, 5, 5), "Z", kTiers));
    CHECK_FALSE(suggest_tier(rated(5, 5, 5), "A", {}));
}

TEST_CASE("tiers past the table share its last band; fewer tiers clamp the suggestion") {
    const std::vector<std::string> four{"A", "B", "C", "D"};
    CHECK_FALSE(suggest_tier(rated(1, 1, 1), "D", four));
    CHECK(suggest_tier(rated(5, 5, 5), "D", four) == std::optional<std::string>("A"));
    const std::vector<std::string> two{"key", "other"};
    CHECK(suggest_tier(rated(1, 1, 1), "key", two) == std::optional<std::string>("other"));
    CHECK_FALSE(suggest_tier(rated(1, 1, 1), "other", two));
}

TEST_CASE("build_portfolio groups by tier, sorts by score and counts the last 12 months") {
    Settings s;
    std::vector<ClientRecord> records;
    records.push_back(client("low", "", rated(2, 2, 2)));  // no tier: default B
    records.push_back(client("meridian", "C", rated(5, 5, 5)));
    records.push_back(client("unrated", "C", Ratings{}));
    records.push_back(client("gone", "A", rated(1, 1, 1), "former"));
    records.push_back(client("odd", "X", rated(3, 3, 3)));
    records.push_back(client("best", "C", rated(4, 4, 4)));

    auto& m = records[1];
    Visit old;
    old.date = crm::test::day("2025-11-23");  // exactly a year ago: outside (today - 1y, today]
    Visit recent;
    recent.date = crm::test::day("2025-11-24");
    recent.promises.push_back({"Send report", crm::test::day("2026-12-01"), std::nullopt});
    recent.promises.push_back({"Send invoice", std::nullopt, crm::test::day("2026-01-01")});
    recent.actions.push_back({"Internal", std::nullopt, std::nullopt});
    Visit future;
    future.date = crm::test::day("2026-12-01");
    m.visits = {old, recent, future};
    Review r1;
    r1.date = crm::test::day("2026-03-01");
    r1.rating = Rating::happy;
    Review r2;
    r2.date = crm::test::day("2026-10-01");
    r2.rating = Rating::elated;
    m.reviews = {r1, r2};

    const Portfolio p = build_portfolio(records, s, crm::test::day("2026-11-23"));
    REQUIRE(p.groups.size() == 4);
    CHECK(p.groups[0].tier == "A");
    CHECK(p.groups[1].tier == "B");
    CHECK(p.groups[2].tier == "C");
    CHECK(p.groups[3].tier == "X");
    CHECK_FALSE(p.groups[3].configured);

    REQUIRE(p.groups[1].rows.size() == 1);
    CHECK(p.groups[1].rows[0].slug == "low");
    CHECK(p.groups[1].rows[0].suggestion == std::optional<std::string>("C"));

    const auto& c = p.groups[2].rows;
    REQUIRE(c.size() == 3);
    CHECK(c[0].slug == "meridian");
    CHECK(c[1].slug == "best");
    CHECK(c[2].slug == "unrated");
    CHECK(c[0].score == 15);
    CHECK_FALSE(c[2].score);
    CHECK(c[0].visits_12m == 1);
    CHECK(c[0].last_contact == crm::test::day("2026-12-01"));
    CHECK(c[0].open_promises == 1);
    REQUIRE(c[0].last_review);
    CHECK(c[0].last_review->rating == Rating::elated);

    // Former clients are listed but not flagged; unknown tiers are not flagged.
    CHECK_FALSE(p.groups[0].rows[0].suggestion);
    CHECK_FALSE(p.groups[3].rows[0].suggestion);

    REQUIRE(p.flagged.size() == 3);
    CHECK(p.flagged[0]->slug == "low");
    CHECK(p.flagged[1]->slug == "meridian");
    CHECK(p.flagged[2]->slug == "best");
    REQUIRE(p.unrated.size() == 1);
    CHECK(p.unrated[0]->slug == "unrated");
}

TEST_CASE("an empty folder gives the configured tiers with no clients") {
    const Portfolio p = build_portfolio({}, Settings{}, crm::test::day("2026-11-23"));
    CHECK(p.groups.size() == 3);
    CHECK(p.flagged.empty());
    CHECK(p.unrated.empty());
}
