// Who an item is for (the ownership rule) and each teammate's reminder.
#include <doctest/doctest.h>

#include "crm/reports/remind.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

DueItem item(DueType type, const char* owner, const char* by, const char* due,
             const char* client = "acme") {
    DueItem i;
    i.type = type;
    i.client = client;
    i.name = client;
    i.owner = owner;
    i.by = by;
    i.due = crm::test::day(due);
    return i;
}

const std::vector<TeamMember> kTeam = {{"Alice Smith", "alice@hp.example"},
                                       {"Bob Jones", "bob@hp.example"},
                                       {"Carol White", "carol@hp.example"}};
const Date kToday = crm::test::day("2026-11-23");

}  // namespace

TEST_CASE("the ownership rule: promises and actions to their maker, the rest to the owner") {
    CHECK(item(DueType::promise, "Alice Smith", "Bob Jones", "2026-11-25").who() == "Bob Jones");
    CHECK(item(DueType::action, "Alice Smith", "Bob Jones", "2026-11-25").who() == "Bob Jones");
    CHECK(item(DueType::contact, "Alice Smith", "", "2026-11-25").who() == "Alice Smith");
    // A follow-up is the owner's, whoever wrote the review.
    CHECK(item(DueType::follow_up, "Alice Smith", "Bob Jones", "2026-11-25").who() ==
          "Alice Smith");
    // A promise whose visit names nobody falls to the owner rather than to no one.
    CHECK(item(DueType::promise, "Alice Smith", "  ", "2026-11-25").who() == "Alice Smith");
}

TEST_CASE("each teammate gets their own items, overdue first, in the team's order") {
    const std::vector<DueItem> items = {
        item(DueType::promise, "Alice Smith", "bob jones ", "2026-11-20"),   // overdue, Bob's
        item(DueType::contact, "Alice Smith", "", "2026-11-21"),             // overdue, Alice's
        item(DueType::action, "Bob Jones", "Alice Smith", "2026-11-24"),     // Alice's
        item(DueType::contact, " BOB JONES", "", "2026-11-26", "beta"),      // Bob's
        item(DueType::contact, "Dave Stranger", "", "2026-11-27", "gamma"),  // nobody in the team
    };
    // Dave's item, nobody's in the team, goes to unowned_to: Alice.
    auto list = reminders(kTeam, items, kToday, kTeam, {"Alice Smith"});
    REQUIRE(list.size() == 2);  // Carol has nothing due: no reminder
    CHECK(list[0].member.name == "Alice Smith");
    REQUIRE(list[0].items.size() == 2);
    CHECK(list[0].items[0].due == crm::test::day("2026-11-21"));
    CHECK(list[0].items[1].type == DueType::action);
    CHECK(list[0].overdue == 1);
    REQUIRE(list[0].unowned.size() == 1);
    CHECK(list[0].unowned[0].client == "gamma");
    CHECK(list[1].member.name == "Bob Jones");
    CHECK(list[1].unowned.empty());
    REQUIRE(list[1].items.size() == 2);
    CHECK(list[1].items[0].type == DueType::promise);
    CHECK(list[1].overdue == 1);
    CHECK(people_outside_team(kTeam, items) == std::vector<std::string>{"Dave Stranger"});
}

TEST_CASE("each item to one person; a name listed twice hears once") {
    const std::vector<TeamMember> twice = {{"Alice Smith", "alice@hp.example"},
                                           {"alice smith", "other@hp.example"}};
    auto list = reminders(twice, {item(DueType::contact, "Alice Smith", "", "2026-11-25")}, kToday);
    REQUIRE(list.size() == 1);
    CHECK(list[0].member.email == "alice@hp.example");
    CHECK(reminders(kTeam, {}, kToday).empty());
    CHECK(people_outside_team(kTeam, {item(DueType::contact, "", "", "2026-11-25"),
                                      item(DueType::contact, " ", "", "2026-11-26")}) ==
          std::vector<std::string>{"(nobody)"});
}

TEST_CASE("items of nobody in the team go to unowned_to, or to everyone") {
    const std::vector<DueItem> items = {item(DueType::contact, "Alice Smith", "", "2026-11-25"),
                                        item(DueType::contact, "Dave Stranger", "", "2026-11-26"),
                                        item(DueType::contact, "", "", "2026-11-27")};
    SUBCASE("unowned_to names Bob: he gets both, Alice her own only") {
        const auto list = reminders(kTeam, items, kToday, kTeam, {"bob jones"});
        REQUIRE(list.size() == 2);
        CHECK(list[0].member.name == "Alice Smith");
        CHECK(list[0].items.size() == 1);
        CHECK(list[0].unowned.empty());
        CHECK(list[1].member.name == "Bob Jones");
        CHECK(list[1].items.empty());
        CHECK(list[1].unowned.size() == 2);
    }
    SUBCASE("unowned_to empty: every teammate hears of them") {
        const auto list = reminders(kTeam, items, kToday, kTeam, {});
        REQUIRE(list.size() == 3);
        for (const auto& r : list)
            CHECK(r.unowned.size() == 2);
    }
    SUBCASE("--to Alice: Bob's items are still Bob's, not nobody's") {
        const std::vector<DueItem> bobs = {item(DueType::contact, "Bob Jones", "", "2026-11-25")};
        const auto list = reminders({kTeam[0]}, bobs, kToday, kTeam, {});
        CHECK(list.empty());
    }
}
