// The partners' monthly report: its periods and weeks, the people it counts (the team in
// its order, then others, then nobody), contacts per week, clients past their cadence, and
// the same figures whether the folder is folded in one part or several.
#include <doctest/doctest.h>

#include "crm/reports/monthly.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

const Date kToday = crm::test::day("2026-11-23");

Settings team_settings() {
    Settings s;
    s.team = {{"Alice Smith", "alice@x.example"}, {"Bob Jones", "bob@x.example"}};
    return s;
}

ClientRecord client(const char* slug, const char* owner, const char* since,
                    const char* stage = "client") {
    ClientRecord r;
    r.client.slug = slug;
    r.client.name = slug;
    r.client.file = std::string("clients/") + slug + "/client.yaml";
    r.client.stage = stage;
    r.client.tier = "A";  // every 30d
    r.client.owner = owner;
    r.client.since = crm::test::day(since);
    return r;
}

Visit visit(const char* date, const char* by, const char* kind = "visit") {
    Visit v;
    v.file = std::string("v-") + date + by;
    v.date = crm::test::day(date);
    v.by = by;
    v.kind = kind;
    return v;
}

std::vector<ClientRecord> folder() {
    std::vector<ClientRecord> out;
    auto a = client("a", "Alice Smith", "2026-01-01");
    a.visits = {visit("2026-09-30", "Alice Smith"),
                visit("2026-10-01", "alice smith "),
                visit("2026-10-04", "Bob Jones", "call"),
                visit("2026-10-05", "Bob Jones"),
                visit("2026-10-31", "Zed"),
                visit("2026-11-01", "Alice Smith")};
    out.push_back(a);  // next contact 2026-12-01: within its cadence
    out.push_back(client("b", "Bob Jones", "2026-09-01"));            // never visited: due since
    out.push_back(client("c", "Carol", "2026-11-20"));                // due, but not past
    out.push_back(client("d", "", "2026-01-01"));                     // nobody's
    out.push_back(client("e", "Bob Jones", "2026-01-01", "former"));  // not tracked
    Commitment p;
    p.what = "Send the report";
    p.due = crm::test::day("2026-11-10");
    Visit v = visit("2025-12-01", "");
    v.promises = {p};
    out.back().visits = {v};
    return out;
}

MonthlyReport report_of(const std::vector<ClientRecord>& records, std::size_t parts) {
    static const Settings s = team_settings();
    const ReportPeriod period = previous_month(kToday);
    std::vector<MonthlyCollector> collectors;
    for (std::size_t i = 0; i < parts; ++i)
        collectors.emplace_back(s, kToday, period, crm::test::day("2026-11-30"));
    for (std::size_t i = 0; i < records.size(); ++i)
        collectors[i * parts / records.size()].add(records[i]);
    for (std::size_t i = 1; i < parts; ++i)
        collectors.front().merge(std::move(collectors[i]));
    return std::move(collectors.front()).finish({}, FolderChanges{});
}

}  // namespace

TEST_CASE("periods: a month, last month, and the weeks that overlap them") {
    CHECK(*month_period(2026, 2) ==
          ReportPeriod{crm::test::day("2026-02-01"), crm::test::day("2026-02-28")});
    CHECK(!month_period(2026, 13));
    CHECK(previous_month(crm::test::day("2026-12-01")) ==
          ReportPeriod{crm::test::day("2026-11-01"), crm::test::day("2026-11-30")});
    CHECK(previous_month(crm::test::day("2027-01-15")) ==
          ReportPeriod{crm::test::day("2026-12-01"), crm::test::day("2026-12-31")});
    // October 2026 starts on a Thursday: five weeks from Monday 28 September.
    const auto weeks = period_weeks(*month_period(2026, 10));
    REQUIRE(weeks.size() == 5);
    CHECK(weeks.front() == crm::test::day("2026-09-28"));
    CHECK(weeks.back() == crm::test::day("2026-10-26"));
    CHECK(period_weeks({crm::test::day("2026-11-02"), crm::test::day("2026-11-02")}).size() == 1);
}

TEST_CASE("the team in its order, then others by name, then nobody") {
    const auto r = report_of(folder(), 1);
    std::vector<std::string> people;
    for (const auto& p : r.due_people)
        people.push_back(p.person);
    CHECK(people == std::vector<std::string>{"Alice Smith", "Bob Jones", "Carol", ""});
    CHECK(r.due_people[0].in_team);
    CHECK(!r.due_people[2].in_team);
    // Who logged contacts: the team (with its zeros), then Zed.
    std::vector<std::string> active;
    for (const auto& a : r.activity)
        active.push_back(a.person);
    CHECK(active == std::vector<std::string>{"Alice Smith", "Bob Jones", "Zed"});
}

TEST_CASE("contacts per week count the days of the period only, names as people write them") {
    const auto r = report_of(folder(), 1);
    CHECK(r.weeks.size() == 5);
    const PersonActivity* alice = r.activity_of("ALICE SMITH");
    REQUIRE(alice);
    CHECK(alice->weeks == std::vector<int>{1, 0, 0, 0, 0});  // 30 Sep and 1 Nov are outside
    CHECK(alice->total == 1);
    CHECK(r.activity_of("Bob Jones")->weeks == std::vector<int>{1, 1, 0, 0, 0});
    CHECK(r.activity_of("Zed")->weeks == std::vector<int>{0, 0, 0, 0, 1});
}

TEST_CASE("due per person follows crm remind's rule; past cadence is an overdue contact") {
    const auto r = report_of(folder(), 1);
    const PersonDue& bob = r.due_people[1];
    // b, never visited, due since 2026-09-01; and e's promise, which has no maker, so it is
    // its client's owner's (a former client's promise is still due).
    CHECK(bob.overdue == 2);
    CHECK(bob.upcoming == 0);
    CHECK(bob.by_group[static_cast<std::size_t>(DueGroup::contact)] == 1);
    CHECK(bob.by_group[static_cast<std::size_t>(DueGroup::commitment)] == 1);
    CHECK(bob.clients_tracked == 1);  // e is former: not tracked
    CHECK(bob.past_cadence == 1);
    const PersonDue& carol = r.due_people[2];
    CHECK(carol.overdue == 1);  // c is due from its since, 2026-11-20
    CHECK(carol.past_cadence == 1);
    const PersonDue& nobody = r.due_people[3];
    CHECK(nobody.person.empty());
    CHECK(nobody.clients_tracked == 1);
    CHECK(r.items_of("bob jones").size() == 2);
    CHECK(r.items_of("").size() == 1);
    const PersonDue& alice = r.due_people[0];
    CHECK(alice.overdue + alice.upcoming == 0);  // a's next contact is 2026-12-01
    CHECK(alice.clients_tracked == 1);
    CHECK(r.past_cadence.size() == 3);            // b, c and d
    CHECK(r.past_cadence.front().client == "d");  // due since 2026-01-01, the oldest
    CHECK(r.clients == 5);
}

TEST_CASE("folded in parts, the report is the same") {
    const auto whole = report_of(folder(), 1);
    const auto parts = report_of(folder(), 3);
    REQUIRE(parts.due_people.size() == whole.due_people.size());
    for (std::size_t i = 0; i < whole.due_people.size(); ++i) {
        CHECK(parts.due_people[i].person == whole.due_people[i].person);
        CHECK(parts.due_people[i].overdue == whole.due_people[i].overdue);
        CHECK(parts.due_people[i].by_group == whole.due_people[i].by_group);
        CHECK(parts.due_people[i].clients_tracked == whole.due_people[i].clients_tracked);
    }
    REQUIRE(parts.activity.size() == whole.activity.size());
    for (std::size_t i = 0; i < whole.activity.size(); ++i)
        CHECK(parts.activity[i].weeks == whole.activity[i].weeks);
    CHECK(parts.due.size() == whole.due.size());
    CHECK(parts.clients == whole.clients);
}
