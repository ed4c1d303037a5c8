#include <doctest/doctest.h>

#include "crm/reports/promises.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

Commitment item(const char* what, const char* due, const char* done = nullptr) {
    Commitment c;
    c.what = what;
    if (due)
        c.due = crm::test::day(due);
    if (done)
        c.done = crm::test::day(done);
    return c;
}

ClientRecord client(const char* slug, const char* owner, std::vector<Commitment> promises,
                    std::vector<Commitment> actions = {}, const char* by = "Bob Jones") {
    ClientRecord r;
    r.client.slug = slug;
    r.client.name = slug;
    r.client.owner = owner;
    Visit v;
    v.file = std::string("clients/") + slug + "/visits/2026-10-01.yaml";
    v.date = crm::test::day("2026-10-01");
    v.by = by;
    v.promises = std::move(promises);
    v.actions = std::move(actions);
    r.visits.push_back(std::move(v));
    return r;
}

const Date kToday = crm::test::day("2026-11-23");

std::vector<std::string> whats(const std::vector<PromiseRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows)
        out.push_back(r.record->client.slug + ":" + r.ref.item->what + "#" +
                      std::to_string(r.number));
    return out;
}

}  // namespace

TEST_CASE("clients whose first item is soonest come first; undated clients last") {
    const std::vector<ClientRecord> records{
        client("undated", "", {item("someday", nullptr)}),
        client("later", "", {item("b", "2026-12-10"), item("a", "2026-12-01")}),
        client("sooner", "", {item("x", "2026-11-30")}),
        client("none", "", {item("gone", "2026-11-01", "2026-11-02")}),
    };
    auto rows = promise_rows(records, {}, kToday);
    CHECK(whats(rows) ==
          std::vector<std::string>{"sooner:x#1", "later:a#1", "later:b#2", "undated:someday#1"});
}

TEST_CASE("--all adds delivered items unnumbered after the open ones") {
    const std::vector<ClientRecord> records{
        client("acme", "",
               {item("old", "2026-10-10", "2026-10-09"), item("open", nullptr),
                item("newer", "2026-11-10", "2026-11-05")})};
    auto rows = promise_rows(records, {.all = true}, kToday);
    CHECK(whats(rows) == std::vector<std::string>{"acme:open#1", "acme:newer#0", "acme:old#0"});
}

TEST_CASE("--overdue hides rows without renumbering the others") {
    const std::vector<ClientRecord> records{
        client("acme", "", {item("late", "2026-11-20"), item("soon", "2026-11-25")},
               {item("later", "2026-11-21")}),
    };
    auto rows = promise_rows(records, {.all = true, .overdue = true}, kToday);
    CHECK(whats(rows) == std::vector<std::string>{"acme:late#1", "acme:later#2"});
    CHECK(rows[1].ref.type == DueType::action);
}

TEST_CASE("--mine: the clients the user owns and the items the user made") {
    const std::vector<ClientRecord> records{
        client("owned", "alice smith", {item("a", "2026-12-01")}),
        client("made", "Bob Jones", {item("b", "2026-12-02")}, {}, " Alice Smith "),
        client("other", "Bob Jones", {item("c", "2026-12-03")}),
    };
    PromisesQuery q{.mine = true, .user = "Alice Smith"};
    CHECK(whats(promise_rows(records, q, kToday)) ==
          std::vector<std::string>{"owned:a#1", "made:b#1"});
    // No user is nobody: --mine then shows nothing rather than everything.
    q.user = "";
    CHECK(promise_rows(records, q, kToday).empty());
}
