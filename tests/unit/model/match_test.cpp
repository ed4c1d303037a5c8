#include <doctest/doctest.h>

#include "crm/model/match.hpp"

using crm::ClientKey;
using crm::match_client;
using Kind = crm::MatchResult::Kind;

namespace {

const std::vector<ClientKey> kKeys = {
    {"acme-engineering", "Acme Engineering Pty Ltd"},              // 0
    {"acme-logistics", "Acme Logistics"},                          // 1
    {"muller-sohne-gmbh", "Müller & Söhne GmbH"},                  // 2
    {"northern-water-corporation", "Northern Water Corporation"},  // 3
    {"riverside-city-council", "Riverside City Council"},          // 4
    {"beta", "Beta Holdings"},                                     // 5
    {"beta-2", "Beta"},                                            // 6
};

std::string found(std::string_view query) {
    auto r = match_client(query, kKeys);
    return r.kind == Kind::found ? kKeys[r.index].slug : "(not found)";
}

}  // namespace

TEST_CASE("exact slug comes first, even when it is a prefix of another") {
    CHECK(found("acme-engineering") == "acme-engineering");
    CHECK(found("beta") == "beta");
}

TEST_CASE("exact name in any case") {
    CHECK(found("Northern Water Corporation") == "northern-water-corporation");
    CHECK(found("NORTHERN WATER CORPORATION") == "northern-water-corporation");
    CHECK(found("müller & söhne gmbh") == "muller-sohne-gmbh");
    CHECK(found("MÜLLER & SÖHNE GMBH") == "muller-sohne-gmbh");
    // "Beta" is the exact name of beta-2, though "beta" is a prefix of both.
    CHECK(found("BETA") == "beta-2");
}

TEST_CASE("a unique prefix of slug or name") {
    CHECK(found("north") == "northern-water-corporation");
    CHECK(found("River") == "riverside-city-council");
    CHECK(found("acme-e") == "acme-engineering");
    CHECK(found("Acme Eng") == "acme-engineering");
    CHECK(found("Muller") == "muller-sohne-gmbh");
    CHECK(found("Mül") == "muller-sohne-gmbh");
}

TEST_CASE("a unique substring") {
    CHECK(found("water") == "northern-water-corporation");
    CHECK(found("logist") == "acme-logistics");
    CHECK(found("City Coun") == "riverside-city-council");
    CHECK(found("söhne") == "muller-sohne-gmbh");
}

TEST_CASE("an ambiguous query lists every candidate") {
    auto r = match_client("acme", kKeys);
    CHECK(r.kind == Kind::ambiguous);
    CHECK(r.candidates == std::vector<std::size_t>{0, 1});
    r = match_client("e", kKeys);
    CHECK(r.kind == Kind::ambiguous);
    CHECK(r.candidates.size() >= 4);
}

TEST_CASE("no match offers the closest names") {
    auto r = match_client("acme-enginering", kKeys);
    CHECK(r.kind == Kind::none);
    REQUIRE_FALSE(r.candidates.empty());
    CHECK(r.candidates.front() == 0);

    r = match_client("Riversid City Council", kKeys);
    CHECK(r.kind == Kind::none);
    REQUIRE_FALSE(r.candidates.empty());
    CHECK(r.candidates.front() == 4);

    r = match_client("zzzzzzzz", kKeys);
    CHECK(r.kind == Kind::none);
    CHECK(r.candidates.empty());

    CHECK(match_client("", kKeys).kind == Kind::none);
    CHECK(match_client("acme", {}).kind == Kind::none);
}

TEST_CASE("the closest names for the typos people make") {
    const std::vector<crm::ClientKey> keys{
        {"acme-engineering-pty-ltd", "Acme Engineering Pty Ltd"},
        {"muller-sohne-gmbh", "Müller & Söhne GmbH"},
        {"smith-co", "Smith & Co"},
        {"northern-water-corporation", "Northern Water Corporation"},
        {"nortern-rail", "Nortern Rail"},
        {"harlow-architects", "Harlow Architects"}};
    auto first = [&](const char* query) {
        auto m = crm::match_client(query, keys);
        REQUIRE(m.kind == crm::MatchResult::Kind::none);
        REQUIRE_FALSE(m.candidates.empty());
        return keys[m.candidates.front()].slug;
    };
    CHECK(first("acem") == "acme-engineering-pty-ltd");
    CHECK(first("muler") == "muller-sohne-gmbh");
    CHECK(first("smtih") == "smith-co");
    CHECK(first("acme enginering") == "acme-engineering-pty-ltd");
    CHECK(first("nothern") == "northern-water-corporation");
    CHECK(crm::match_client("zzzzzz", keys).candidates.empty());
}

TEST_CASE("a new name duplicates a client by its name in any case, never by its slug alone") {
    const std::vector<crm::ClientKey> keys{{"smith-co", "Smith & Co"},
                                           {"smith-co-2", "smith & co"},
                                           {"edge-1", "Edge 1"},
                                           {"null", "Null"}};
    CHECK(crm::duplicate_of("SMITH & CO", keys) == 0u);
    // Another name that makes the same slug is another client: it gets smith-co-3.
    CHECK_FALSE(crm::duplicate_of("Smith Co!", keys));
    CHECK(crm::duplicate_of("null", keys) == 3u);
    CHECK(crm::duplicate_of(" Edge 1 ", keys) == 2u);
    CHECK_FALSE(crm::duplicate_of("Edge 2", keys));  // a number is part of a name
    CHECK_FALSE(crm::duplicate_of("Smith & Sons", keys));
}
