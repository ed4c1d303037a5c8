#include <doctest/doctest.h>

#include "crm/reports/due.hpp"

#include "support/dates.hpp"

using namespace crm;

namespace {

ClientRecord client(const char* slug, const char* tier = "A", const char* since = "2026-01-01") {
    ClientRecord r;
    r.client.slug = slug;
    r.client.name = slug;
    r.client.stage = "client";
    r.client.tier = tier;
    r.client.since = crm::test::day(since);
    return r;
}

Visit visit(const char* date, std::vector<Commitment> promises = {},
            std::vector<Commitment> actions = {}) {
    Visit v;
    v.file = std::string("visits/") + date + ".yaml";
    v.date = crm::test::day(date);
    v.promises = std::move(promises);
    v.actions = std::move(actions);
    return v;
}

Commitment item(const char* what, const char* due, const char* done = nullptr) {
    Commitment c;
    c.what = what;
    if (due)
        c.due = crm::test::day(due);
    if (done)
        c.done = crm::test::day(done);
    return c;
}

const Date kToday = crm::test::day("2026-11-23");

std::vector<DueItem> due(const std::vector<ClientRecord>& rs, const char* end = "2026-11-30",
                         const Settings& s = Settings{}) {
    return compute_due(rs, s, kToday, crm::test::day(end));
}

}  // namespace

TEST_CASE("contact: latest visit + tier cadence, the client's own every overriding it") {
    auto r = client("acme", "A");
    r.visits.push_back(visit("2026-10-27"));
    auto items = due({r});
    REQUIRE(items.size() == 1);
    CHECK(items[0].type == DueType::contact);
    CHECK(items[0].due == crm::test::day("2026-11-26"));
    CHECK_FALSE(items[0].overdue(kToday));
    CHECK(items[0].last_contact == crm::test::day("2026-10-27"));

    r.client.every = Cadence{Duration{60, Duration::Unit::days}};
    CHECK(due({r}).empty());  // 2026-12-26: after the window
}

TEST_CASE("contact: next_contact of the latest visit wins; an earlier one no longer counts") {
    auto r = client("acme", "A");
    Visit early = visit("2026-10-01");
    early.next_contact = crm::test::day("2026-11-20");
    Visit late = visit("2026-11-10");
    r.visits = {early, late};
    CHECK(due({r}).empty());  // 2026-11-10 + 30d = 2026-12-10
    r.visits.back().next_contact = crm::test::day("2026-11-25");
    auto items = due({r});
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == crm::test::day("2026-11-25"));
    CHECK(items[0].file == "visits/2026-11-10.yaml");
}

TEST_CASE("contact: a client never visited is due from since") {
    auto r = client("new", "A", "2026-08-17");
    auto items = due({r});
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == crm::test::day("2026-08-17"));
    CHECK(items[0].overdue(kToday));
    CHECK(items[0].reason.find("never visited") != std::string::npos);
}

TEST_CASE("inactive stages and every: never are never due for contact; promises still are") {
    auto r = client("gone", "A", "2020-01-01");
    r.visits.push_back(visit("2021-01-01", {item("Send it", "2021-02-01")}));
    r.client.stage = "former";
    auto former = due({r});
    REQUIRE(former.size() == 1);
    CHECK(former[0].type == DueType::promise);
    r.client.stage = "client";
    r.client.every = Cadence::never();
    auto items = due({r});
    REQUIRE(items.size() == 1);  // the promise still counts; the contact does not
    CHECK(items[0].type == DueType::promise);
}

TEST_CASE("a tier without a cadence and an unknown tier") {
    Settings s;
    s.tiers.push_back({"X", std::nullopt});
    auto r = client("x", "X", "2026-01-01");
    CHECK(due({r}, "2026-11-30", s).empty());
    r.client.tier = "Z";  // unknown: the default tier's cadence
    r.visits.push_back(visit("2026-09-30"));
    auto items = due({r}, "2026-11-30", s);
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == crm::test::day("2026-11-29"));
    r.client.tier = "";
    CHECK(due({r}, "2026-11-30", s)[0].tier == "B");
}

TEST_CASE("month cadences clamp at month ends") {
    auto r = client("m", "A");
    r.client.every = Cadence{Duration{1, Duration::Unit::months}};
    r.visits.push_back(visit("2027-01-31"));
    auto items =
        compute_due({r}, Settings{}, crm::test::day("2027-02-01"), crm::test::day("2027-03-31"));
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == crm::test::day("2027-02-28"));
    r.visits[0] = visit("2028-01-31");
    items =
        compute_due({r}, Settings{}, crm::test::day("2028-02-01"), crm::test::day("2028-03-31"));
    CHECK(items[0].due == crm::test::day("2028-02-29"));
    r.client.every = Cadence{Duration{1, Duration::Unit::years}};
    r.visits[0] = visit("2028-02-29");
    items =
        compute_due({r}, Settings{}, crm::test::day("2029-01-01"), crm::test::day("2029-12-31"));
    CHECK(items[0].due == crm::test::day("2029-02-28"));
}

TEST_CASE("promises and actions: open, dated, in the window or overdue") {
    auto r = client("acme", "A");
    r.visits.push_back(
        visit("2026-11-20",
              {item("old", "2026-01-05"), item("delivered", "2026-11-01", "2026-11-02"),
               item("undated", nullptr), item("edge", "2026-11-30"), item("later", "2026-12-01")},
              {item("act", "2026-11-23")}));
    r.visits.back().next_contact = crm::test::day("2027-01-01");
    auto items = due({r});
    REQUIRE(items.size() == 3);
    CHECK(items[0].what == "old");
    CHECK(items[0].overdue(kToday));
    CHECK(items[0].index == 0);
    CHECK(items[1].what == "act");
    CHECK(items[1].type == DueType::action);
    CHECK_FALSE(items[1].overdue(kToday));  // due today is not overdue
    CHECK(items[2].what == "edge");         // the window's last day is in
    CHECK(items[2].index == 3);
}

TEST_CASE("follow-up: angry or unhappy reviews with no visit after them") {
    auto r = client("w", "A");
    Visit v = visit("2026-11-18");
    v.next_contact = crm::test::day("2027-01-01");
    r.visits.push_back(v);
    Review rv;
    rv.file = "reviews/r.yaml";
    rv.date = crm::test::day("2026-11-18");
    rv.rating = Rating::angry;
    rv.project = "Haul road";
    r.reviews.push_back(rv);
    auto items = due({r});
    REQUIRE(items.size() == 1);  // a visit on the same day is not after it
    CHECK(items[0].type == DueType::follow_up);
    CHECK(items[0].due == crm::test::day("2026-11-25"));

    r.reviews[0].rating = Rating::neutral;
    CHECK(due({r}).empty());
    r.reviews[0].rating = Rating::unhappy;
    r.visits.push_back(visit("2026-11-19"));
    r.visits.back().next_contact = crm::test::day("2027-01-01");
    CHECK(due({r}).empty());
}

TEST_CASE("ordering: by date, so overdue first, then client and type") {
    auto a = client("a", "A", "2026-11-25");
    auto b = client("b", "A", "2026-11-10");
    b.visits.push_back(visit("2026-11-10", {item("p", "2026-11-25")}));
    b.visits.back().next_contact = crm::test::day("2026-11-25");
    auto items = due({a, b});
    REQUIRE(items.size() == 3);
    CHECK(items[0].client == "a");
    CHECK(items[1].client == "b");
    CHECK(items[1].type == DueType::contact);
    CHECK(items[2].type == DueType::promise);
}

TEST_CASE("open_commitments numbers dated items soonest first, undated last, stably") {
    auto r = client("a");
    r.visits.push_back(visit("2026-10-01", {item("undated", nullptr), item("late", "2026-12-20")},
                             {item("soon", "2026-11-01")}));
    r.visits.push_back(visit(
        "2026-11-01", {item("same day", "2026-12-20"), item("done", "2026-11-02", "2026-11-03")}));
    auto refs = open_commitments(r);
    REQUIRE(refs.size() == 4);
    CHECK(refs[0].item->what == "soon");
    CHECK(refs[0].list_key() == "actions");
    CHECK(refs[1].item->what == "late");
    CHECK(refs[2].item->what == "same day");
    CHECK(refs[3].item->what == "undated");
    CHECK(refs[3].index == 0);
    auto delivered = delivered_commitments(r);
    REQUIRE(delivered.size() == 1);
    CHECK(delivered[0].index == 1);
}

// `crm show` lists the same items in the same order as `crm promises` numbers them.
TEST_CASE("open_commitments: undated items after the dated ones, oldest visit first") {
    auto r = client("a");
    r.visits.push_back(visit("2026-03-01", {item("old promise", nullptr)},
                             {item("old action", nullptr), item("dated", "2026-12-01")}));
    r.visits.push_back(visit("2026-04-01", {item("new promise", nullptr),
                                            item("delivered", "2026-04-10", "2026-04-09")}));
    auto refs = open_commitments(r);
    REQUIRE(refs.size() == 4);
    CHECK(refs[0].item->what == "dated");
    CHECK(refs[0].type == DueType::action);
    CHECK(refs[1].item->what == "old promise");
    CHECK(refs[1].type == DueType::promise);
    CHECK(refs[2].item->what == "old action");
    CHECK(refs[3].item->what == "new promise");
    CHECK(refs[3].visit == &r.visits[1]);
}

namespace {

Opportunity opportunity(const char* title, const char* owner = "Bob Jones") {
    Opportunity o;
    o.file = std::string("clients/acme/opportunities/2026-10-02-") + title + ".yaml";
    o.title = title;
    o.by = "Alice Smith";
    o.owner = owner;
    return o;
}

// The client with nothing else due: visited today, tier A.
ClientRecord quiet_client(const char* stage = "client") {
    auto r = client("acme", "A");
    r.client.owner = "Alice Smith";
    r.client.stage = stage;
    r.visits.push_back(visit("2026-11-23"));
    return r;
}

}  // namespace

TEST_CASE("next-step: an open opportunity's next step due in the window, the owner's") {
    auto r = quiet_client();
    Opportunity o = opportunity("Depot");
    o.next_step = "Site walk with the depot manager";
    o.next_step_due = crm::test::day("2026-11-27");
    Opportunity later = opportunity("Later");
    later.next_step = "Not yet";
    later.next_step_due = crm::test::day("2026-12-10");
    Opportunity overdue = opportunity("Old", "");  // no owner: whoever logged it
    overdue.next_step_due = crm::test::day("2026-11-01");
    r.opportunities = {o, later, overdue};
    auto items = due({r});
    REQUIRE(items.size() == 2);
    CHECK(items[0].type == DueType::next_step);
    CHECK(items[0].due == crm::test::day("2026-11-01"));
    CHECK(items[0].overdue(kToday));
    CHECK(items[0].owner == "Alice Smith");
    CHECK(items[0].what == "next step for Old");
    CHECK(items[1].what == "Site walk with the depot manager");
    CHECK(items[1].owner == "Bob Jones");
    CHECK(items[1].by == "Alice Smith");
    CHECK(items[1].file == o.file);
    CHECK(items[1].reason == "next step of the opportunity Depot");
    CHECK(due_type_name(DueType::next_step) == "next-step");
}

TEST_CASE("rfp: rfp_expected minus rfp_lead in the window, until the RFP is out") {
    auto r = quiet_client();
    Opportunity o = opportunity("Depot expansion");
    o.rfp_expected = crm::test::day("2026-12-20");  // - 30d = 2026-11-20: overdue
    r.opportunities = {o};
    auto items = due({r});
    REQUIRE(items.size() == 1);
    CHECK(items[0].type == DueType::rfp);
    CHECK(items[0].due == crm::test::day("2026-11-20"));
    CHECK(items[0].what ==
          "RFP for Depot expansion expected 2026-12-20: be in touch before it's out");
    CHECK(items[0].owner == "Bob Jones");
    CHECK(due_type_name(DueType::rfp) == "rfp");

    r.opportunities[0].rfp_expected = crm::test::day("2027-01-01");  // 2026-12-02: after the window
    CHECK(due({r}).empty());
    Settings s;
    s.rfp_lead = Duration{6, Duration::Unit::weeks};  // 2026-11-20
    CHECK(due({r}, "2026-11-30", s).size() == 1);

    r.opportunities[0].rfp_since =
        crm::test::day("2026-11-15");  // out: nothing left to be early for
    CHECK(due({r}, "2026-11-30", s).empty());
}

TEST_CASE("won and lost opportunities are never due; open ones are, even at a former client") {
    auto r = quiet_client("former");
    Opportunity o = opportunity("Depot");
    o.next_step_due = crm::test::day("2026-11-25");
    o.rfp_expected = crm::test::day("2026-12-01");
    r.opportunities = {o};
    CHECK(due({r}).size() == 2);
    r.opportunities[0].won = crm::test::day("2026-11-20");
    CHECK(due({r}).empty());
    r.opportunities[0].won.reset();
    r.opportunities[0].stage = "lost";
    CHECK(due({r}).empty());
}

TEST_CASE("contact: only visits of cadence_kinds reset the cadence; an e-mail does not") {
    auto r = client("acme", "A");             // every 30d
    r.visits.push_back(visit("2026-10-01"));  // a visit: due 2026-10-31
    Visit mail = visit("2026-11-20");
    mail.kind = "email";
    r.visits.push_back(mail);
    auto items = due({r});
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == crm::test::day("2026-10-31"));
    CHECK(items[0].overdue(kToday));
    CHECK(items[0].last_contact == crm::test::day("2026-10-01"));
    CHECK(items[0].reason.find("last contact 2026-10-01") != std::string::npos);

    // A meeting counts (the default kinds), and so does an e-mail when crm.yaml says so.
    Visit meeting = visit("2026-11-10");
    meeting.kind = "meeting";
    auto with_meeting = r;
    with_meeting.visits.insert(with_meeting.visits.end() - 1, meeting);
    CHECK(due({with_meeting}).empty());  // 2026-11-10 + 30d is after the window
    Settings emails_count;
    emails_count.cadence_kinds.push_back("email");
    CHECK(due({r}, "2026-11-30", emails_count).empty());

    // Only e-mails: the client is due from since, as if never visited.
    auto mail_only = client("beta", "A", "2026-09-01");
    mail_only.visits.push_back(mail);
    items = due({mail_only});
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == crm::test::day("2026-09-01"));
    CHECK_FALSE(items[0].last_contact);
    CHECK(items[0].reason == "no contact logged; client since 2026-09-01");

    // A next_contact written on an e-mail is a person's decision: it stands.
    mail.next_contact = crm::test::day("2026-11-28");
    auto decided = client("gamma", "A");
    decided.visits.push_back(visit("2026-10-01"));
    decided.visits.push_back(mail);
    items = due({decided});
    REQUIRE(items.size() == 1);
    CHECK(items[0].due == crm::test::day("2026-11-28"));
    CHECK(items[0].last_contact == crm::test::day("2026-10-01"));
}

TEST_CASE("report: a pending meeting is due report_within after it, for whoever was there") {
    auto r = client("acme", "A");
    Visit met = visit("2026-11-20");
    met.kind = "meeting";
    met.by = "Bob Jones";
    met.where = "Depot";
    met.event = "uid-1@example";
    met.report = "pending";
    r.visits.push_back(met);
    Settings s;
    auto items = due({r}, "2026-11-30", s);
    // The meeting is contact: acme (30 days) is not due for contact, only for its report.
    REQUIRE(items.size() == 1);
    CHECK(items[0].type == DueType::report);
    CHECK(due_type_name(items[0].type) == "report");
    CHECK(items[0].due == crm::test::day("2026-11-22"));
    CHECK(items[0].by == "Bob Jones");
    CHECK(items[0].what == "write up the meeting of 2026-11-20");
    CHECK(items[0].reason == "met 2026-11-20 at Depot + report_within 2d");
    CHECK(items[0].file == "visits/2026-11-20.yaml");

    s.report_within = *parse_duration("10d");
    CHECK(due({r}, "2026-11-29", s).empty());
    CHECK(due({r}, "2026-11-30", s).size() == 1);

    r.visits.back().report.clear();  // written up
    CHECK(due({r}).empty());
}
