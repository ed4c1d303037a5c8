#include <doctest/doctest.h>

#include "crm/model/merge.hpp"

using crm::Client;
using crm::MergePlan;
using crm::MergePrefer;

namespace {

const crm::Date kToday = crm::Date::from_ymd(2026, 11, 23).value();

Client keep_client() {
    Client c;
    c.slug = "acme";
    c.name = "Acme Engineering";
    c.stage = "client";
    c.tier = "A";
    c.owner = "Alice Smith";
    c.since = crm::Date::from_ymd(2025, 3, 1);
    c.ratings.potential = 4;
    c.contacts = {{"Jane Doe", "Director", "jane@acme.example", "", ""}};
    c.tags = {"civil"};
    c.watchers = {"Bob Jones"};
    c.notes = "Our biggest account.\n";
    return c;
}

Client other_client() {
    Client c;
    c.slug = "acme-2";
    c.name = "ACME Eng.";
    c.since = crm::Date::from_ymd(2024, 6, 1);
    return c;
}

}  // namespace

TEST_CASE("no conflict: OTHER's values fill what KEEP lacks, the earlier since wins") {
    Client other = other_client();
    other.stage = "client";  // the same: nothing to do
    other.every = crm::Cadence{crm::parse_duration("21d")};
    other.ratings.profitability = 3;
    other.custom = {{"sector", "water"}};
    const MergePlan p = plan_merge(keep_client(), other, MergePrefer::none, kToday);
    CHECK(p.conflicts.empty());
    CHECK(p.text_fields == std::vector<std::pair<std::string, std::string>>{{"sector", "water"}});
    CHECK(p.raw_fields == std::vector<std::pair<std::string, std::string>>{
                              {"every", "21d"}, {"since", "2024-06-01"}});
    CHECK(p.ratings == std::vector<std::pair<std::string, std::string>>{{"profitability", "3"}});
    CHECK_FALSE(p.notes);
}

TEST_CASE("differences are conflicts; --prefer keep keeps, --prefer other takes") {
    Client other = other_client();
    other.stage = "prospect";
    other.tier = "B";
    other.owner = "Bob Jones";
    other.ratings.potential = 2;
    const MergePlan none = plan_merge(keep_client(), other, MergePrefer::none, kToday);
    REQUIRE(none.conflicts.size() == 4);
    CHECK(none.conflicts[0].field == "stage");
    CHECK(none.conflicts[0].keep == "client");
    CHECK(none.conflicts[0].other == "prospect");
    CHECK(none.conflicts[3].field == "ratings.potential");

    const MergePlan keep = plan_merge(keep_client(), other, MergePrefer::keep, kToday);
    CHECK(keep.conflicts.size() == 4);
    CHECK(keep.text_fields.empty());
    CHECK(keep.ratings.empty());

    const MergePlan take = plan_merge(keep_client(), other, MergePrefer::other, kToday);
    CHECK(take.text_fields == std::vector<std::pair<std::string, std::string>>{
                                  {"stage", "prospect"}, {"tier", "B"}, {"owner", "Bob Jones"}});
    // The stage comes with the day it was entered: today, as OTHER does not say.
    CHECK(take.raw_fields.front() ==
          std::pair<std::string, std::string>{"stage_since", "2026-11-23"});
    CHECK(take.ratings == std::vector<std::pair<std::string, std::string>>{{"potential", "2"}});
}

TEST_CASE("contacts: new people are added, empty fields filled, differences reported") {
    Client other = other_client();
    other.contacts = {{"JANE DOE", "", "jane@acme.example", "+61 2 5555", "likes trains"},
                      {"Tom Lee", "", "tom@acme.example", "", ""},
                      {"T. Lee", "", "TOM@acme.example", "", ""},  // Tom again
                      {"Jane", "CEO", "jane@acme.example", "", ""}};
    const MergePlan p = plan_merge(keep_client(), other, MergePrefer::none, kToday);
    REQUIRE(p.new_contacts.size() == 1);
    CHECK(p.new_contacts[0].name == "Tom Lee");
    REQUIRE(p.contact_fills.size() == 2);
    CHECK(p.contact_fills[0].index == 0);
    CHECK(p.contact_fills[0].field == "phone");
    CHECK(p.contact_fills[1].field == "notes");
    CHECK(p.contact_differences == std::vector<std::string>{"Jane Doe: name", "Jane Doe: role"});
}

TEST_CASE("tags and watchers are united; notes appended once") {
    Client other = other_client();
    other.tags = {"civil", "water", "water"};
    other.watchers = {"bob jones", "Carol King"};
    other.notes = "Met at the 2024 expo.\n";
    MergePlan p = plan_merge(keep_client(), other, MergePrefer::none, kToday);
    CHECK(p.new_tags == std::vector<std::string>{"water"});
    CHECK(p.new_watchers == std::vector<std::string>{"Carol King"});
    REQUIRE(p.notes);
    CHECK(*p.notes == "Our biggest account.\n\nMet at the 2024 expo.\n");

    Client keep = keep_client();
    keep.notes = "";
    p = plan_merge(keep, other, MergePrefer::none, kToday);
    CHECK(*p.notes == "Met at the 2024 expo.\n");
    keep.notes = "Old.\n\nMet at the 2024 expo.\n";  // merged before: not twice
    CHECK_FALSE(plan_merge(keep, other, MergePrefer::none, kToday).notes);
}
