#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/portfolio_view.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Styler;

namespace {

ClientRecord rated(const char* slug, const char* name, const char* tier, int p, int c, int f) {
    ClientRecord r = record(slug, name, "client", tier);
    r.client.ratings = {p, c, f};
    return r;
}

// Tier A with a client rated for C (flagged), tier B with an unrated client whose name
// holds control characters, tier C empty, and a tier crm.yaml does not know.
std::vector<ClientRecord> records() {
    ClientRecord a = rated("acme", "Acme Engineering Pty Ltd", "A", 5, 5, 4);
    Visit v = visit("acme", "2026-10-01");
    v.promises = {item("Send report", "2026-11-30")};
    a.visits = {v};
    a.reviews = {review("acme", "2026-10-20", Rating::happy, "Bridge")};
    ClientRecord b = rated("bolt", "Bolt Ltd", "A", 2, 2, 2);
    ClientRecord e = record("evil", "Evil\x1b]0;pwned\x07 Co", "client", "B");
    ClientRecord z = rated("zed", "Zed Co", "Z", 3, 3, 3);
    return {a, b, e, z};
}

}  // namespace

TEST_CASE("portfolio_table: a table per tier, then the suggestions and the unrated") {
    const auto rs = records();
    const Portfolio p = build_portfolio(rs, Settings{}, kToday);
    CHECK(
        render::portfolio_table(p, Styler(false), 0) ==
        "Tier A  every 30d, 2 clients\n"
        "CLIENT                    STAGE   RATINGS  SCORE  LAST CONTACT  12M  REVIEWED    REVIEW  "
        "PROMISES\n"
        "Acme Engineering Pty Ltd  client  5/5/4       14  2026-10-01      1  2026-10-20  happy   "
        "       1\n"
        "Bolt Ltd                  client  2/2/2        6  never           0\n"
        "\n"
        "Tier B  every 60d, 1 client\n"
        "CLIENT             STAGE   RATINGS  SCORE  LAST CONTACT  12M  REVIEWED  REVIEW  "
        "PROMISES\n"
        "Evil ]0;pwned  Co  client  unrated         never           0\n"
        "\n"
        "Tier C  every 120d, 0 clients\n"
        "  no clients\n"
        "\n"
        "Tier Z  not a tier in crm.yaml, 1 client\n"
        "CLIENT  STAGE   RATINGS  SCORE  LAST CONTACT  12M  REVIEWED  REVIEW  PROMISES\n"
        "Zed Co  client  3/3/3        9  never           0\n"
        "\n"
        "RATINGS: potential/compatibility/profitability, 1-5 each; SCORE: their sum; 12M: "
        "visits in the last 12 months; REVIEWED, REVIEW: the latest review; PROMISES: open "
        "promises\n"
        "\n"
        "Ratings suggest another tier\n"
        "CLIENT    SUGGESTION\n"
        "Bolt Ltd  6/15 but in tier A: consider C\n"
        "\n"
        "Unrated\n"
        "  Evil ]0;pwned Co\n"
        "  rate them with 'crm set CLIENT ratings.potential N' (1-5), and "
        "ratings.compatibility and ratings.profitability\n");
}

TEST_CASE("portfolio_table: a narrow terminal takes short headings, drops, then wraps names") {
    const auto rs = records();
    const Portfolio p = build_portfolio(rs, Settings{}, kToday);
    const std::string out = render::portfolio_table(p, Styler(false), 80);
    // Tier A would be wider than 80 columns: short headings, and the review's date goes.
    CHECK(out.find("CLIENT                    STAGE   RATINGS  SCORE  CONTACT     12M  REVIEW  "
                   "OPEN\n") != std::string::npos);
    CHECK(out.find("Acme Engineering Pty Ltd  client  5/5/4       14  2026-10-01    1  happy      "
                   "1\n") != std::string::npos);
    // Tier Z fits as it is.
    CHECK(out.find("CLIENT  STAGE   RATINGS  SCORE  LAST CONTACT  12M  REVIEWED  REVIEW  "
                   "PROMISES\n") != std::string::npos);
    CHECK(out.find("OPEN: open promises") != std::string::npos);
    CHECK(widest_line(out) <= 80);
    // Narrower still, the name wraps whole; scores and dates stay whole.
    const std::string narrow = render::portfolio_table(p, Styler(false), 60);
    CHECK(narrow.find("Acme Engineering    client  5/5/4       14  2026-10-01     1\n"
                      "Pty Ltd\n") != std::string::npos);
    CHECK(widest_line(narrow) <= 60);
}

TEST_CASE("portfolio_table: colour marks names, suggestions and open promises") {
    const auto rs = records();
    const Portfolio p = build_portfolio(rs, Settings{}, kToday);
    const std::string out = render::portfolio_table(p, Styler(true), 0);
    CHECK(out.starts_with("\x1b[1mTier A\x1b[0m  \x1b[2mevery 30d, 2 clients\x1b[0m\n"));
    CHECK(out.find("\x1b[1mBolt Ltd\x1b[0m") != std::string::npos);
    CHECK(out.find("  \x1b[33m6\x1b[0m  ") != std::string::npos);  // a score suggesting a move
    CHECK(out.find("\x1b[2munrated\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[33m6/15 but in tier A: consider C\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[2m  no clients\x1b[0m") != std::string::npos);
    CHECK_FALSE(has_controls(without_styles(out)));
}

TEST_CASE("portfolio_json: tiers with their clients, the flagged and the unrated") {
    const auto rs = records();
    const Portfolio p = build_portfolio(rs, Settings{}, kToday);
    const auto j = formats::Json::parse(render::portfolio_json(p, kToday));
    CHECK(j["as_of"] == "2026-11-23");
    REQUIRE(j["tiers"].size() == 4);
    const auto& acme = j["tiers"][0]["clients"][0];
    std::vector<std::string> keys;
    for (auto it = acme.begin(); it != acme.end(); ++it)
        keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"client", "name", "stage", "tier", "ratings", "score",
                                           "suggested_tier", "last_contact", "visits_12m",
                                           "last_review", "open_promises", "won_12m"});
    CHECK(acme["ratings"] ==
          formats::Json{{"potential", 5}, {"compatibility", 5}, {"profitability", 4}});
    CHECK(acme["last_review"]["rating"] == "happy");
    CHECK(acme["open_promises"] == 1);
    CHECK(j["tiers"][1]["clients"][0]["name"] == "Evil\x1b]0;pwned\x07 Co");
    CHECK(j["tiers"][1]["clients"][0]["score"].is_null());
    CHECK(j["tiers"][3]["configured"] == false);
    CHECK(j["tiers"][3]["every"].is_null());
    CHECK(j["flagged"] == formats::Json::array({{{"client", "bolt"},
                                                 {"name", "Bolt Ltd"},
                                                 {"tier", "A"},
                                                 {"score", 6},
                                                 {"suggested_tier", "C"}}}));
    CHECK(j["unrated"] == formats::Json::array({"evil"}));
}

TEST_CASE("portfolio: the value won in the last 12 months, a column when there is any") {
    auto rs = records();
    Opportunity won;
    won.title = "Depot";
    won.value = Money{180000};
    won.won = d("2026-06-01");
    Opportunity old = won;
    old.won = d("2025-11-23");  // a year ago to the day: outside (today - 1y, today]
    Opportunity lost = won;
    lost.won.reset();
    lost.lost = d("2026-06-01");
    rs[0].opportunities = {won, old, lost, won};
    const Portfolio p = build_portfolio(rs, Settings{}, kToday);
    CHECK(p.groups[0].rows[0].won_12m == 360000);
    CHECK(p.groups[0].rows[1].won_12m == 0);
    const std::string out = render::portfolio_table(p, Styler(false), 0);
    CHECK(out.find("REVIEW  PROMISES  WON 12M\n") != std::string::npos);
    CHECK(out.find("2026-10-20  happy          1  360,000\n") != std::string::npos);
    CHECK(out.find("WON 12M: value of opportunities won in the last 12 months") !=
          std::string::npos);
    const auto j = formats::Json::parse(render::portfolio_json(p, kToday));
    CHECK(j["tiers"][0]["clients"][0]["won_12m"] == 360000);
    CHECK(j["tiers"][0]["clients"][1]["won_12m"] == 0);
    CHECK(widest_line(render::portfolio_table(p, Styler(false), 60)) <= 60);
}
