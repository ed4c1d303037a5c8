#include <doctest/doctest.h>

#include "crm/reports/news.hpp"

#include "support/dates.hpp"

namespace crm {

namespace {

ClientRecord record(const std::string& slug, const std::string& name,
                    std::vector<std::string> watchers = {}) {
    ClientRecord r;
    r.client.slug = slug;
    r.client.name = name;
    r.client.file = "clients/" + slug + "/client.yaml";
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

}  // namespace

TEST_CASE("record paths are recognised and nothing else is crm's") {
    auto v = parse_record_path("clients/acme/visits/2026-11-23-bob-jones-a1b2c3.yaml");
    REQUIRE(v);
    CHECK(v->kind == RecordPath::Kind::visit);
    CHECK(v->slug == "acme");
    CHECK(parse_record_path("clients/acme/client.yaml")->kind == RecordPath::Kind::client);
    CHECK(parse_record_path("clients/acme/reviews/x.yaml")->kind == RecordPath::Kind::review);
    CHECK(is_crm_data_path("crm.yaml"));
    for (const char* other :
         {"README.md", ".gitignore", "clients/acme/notes.md", "clients/acme/visits/.hidden.yaml",
          "clients/ACME/client.yaml", "clients/acme/visits/sub/x.yaml", "clients/acme/other/x.yaml",
          "clients/../client.yaml", "clients/acme/visits/x.yaml.crm-tmp-1"})
        CHECK_FALSE(is_crm_data_path(other));
}

TEST_CASE("people are the same whatever the case and blanks") {
    CHECK(same_person(" Alice Smith", "alice smith"));
    CHECK_FALSE(same_person("Alice Smith", "Alice Smithers"));
    CHECK(is_watcher(record("a", "A", {"Bob", "ALICE SMITH"}).client, "Alice Smith"));
}

TEST_CASE("news from added files: others' records, watched clients first") {
    auto acme = record("acme", "Acme");
    acme.visits.push_back(visit("acme", "v1", "2026-11-23", "Bob Jones", "Phase 2\nmore"));
    acme.visits.push_back(visit("acme", "v2", "2026-11-23", "Alice Smith", "mine"));
    auto zeta = record("zeta", "Zeta", {"Alice Smith"});
    zeta.visits.push_back(visit("zeta", "v3", "2026-11-20", "Chloe", ""));
    zeta.visits.back().discussed = {"Depot"};
    auto beta = record("beta", "Beta");
    std::vector<ClientRecord> records{acme, zeta, beta};
    std::vector<AddedFile> added{{"clients/acme/visits/v1.yaml", "Bob Jones"},
                                 {"clients/acme/visits/v2.yaml", "Alice Smith"},
                                 {"clients/zeta/visits/v3.yaml", "Chloe"},
                                 {"clients/beta/client.yaml", "Bob Jones"},
                                 {"clients/gone/client.yaml", "Bob Jones"},
                                 {"README.md", "Bob Jones"}};
    auto groups = news_from_added(added, records, {"Alice Smith", false, true});
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].slug == "zeta");
    CHECK(groups[0].watched);
    CHECK(groups[0].items.at(0).summary == "Depot");
    CHECK(groups[1].slug == "acme");
    REQUIRE(groups[1].items.size() == 1);
    CHECK(groups[1].items[0].by == "Bob Jones");
    CHECK(groups[1].items[0].summary == "Phase 2");
    CHECK(groups[2].slug == "beta");
    CHECK(groups[2].new_client);
    CHECK(groups[2].added_by == "Bob Jones");
    CHECK(count_items(groups) == 3);

    auto watched = news_from_added(added, records, {"Alice Smith", true, false});
    REQUIRE(watched.size() == 1);
    CHECK(watched[0].slug == "zeta");

    // A client the user added is not news, nor is it when Bob asks about his own.
    auto bobs = news_from_added(added, records, {"bob jones", false, true});
    for (const auto& g : bobs)
        CHECK_FALSE(g.new_client);
}

TEST_CASE("news since a date") {
    auto acme = record("acme", "Acme", {"Alice Smith"});
    acme.visits.push_back(visit("acme", "old", "2026-10-01", "Bob", "old"));
    acme.visits.push_back(visit("acme", "new", "2026-11-22", "Bob", "new"));
    Review r;
    r.file = "clients/acme/reviews/r.yaml";
    r.date = crm::test::day("2026-11-21");
    r.by = "Bob";
    r.project = "Bridge";
    r.rating = Rating::angry;
    acme.reviews.push_back(r);
    auto groups = news_since({acme}, crm::test::day("2026-11-01"), {"Alice Smith", true, false});
    REQUIRE(groups.size() == 1);
    REQUIRE(groups[0].items.size() == 2);
    CHECK(groups[0].items[0].what == "review");
    CHECK(groups[0].items[0].summary == "angry: Bridge");
    CHECK(groups[0].items[1].summary == "new");
}

}  // namespace crm
