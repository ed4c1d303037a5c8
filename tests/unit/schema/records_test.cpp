#include <doctest/doctest.h>

#include <string>

#include "crm/schema/records.hpp"
#include "crm/util/error.hpp"

#include "support/dates.hpp"

using namespace crm;
using crm::schema::read_client;
using crm::schema::read_review;
using crm::schema::read_settings;
using crm::schema::read_visit;

namespace {

std::string refusal_of_client(std::string_view text) {
    try {
        read_client(text, "c.yaml");
    } catch (const DataError& e) {
        return e.what();
    }
    return "accepted";
}

std::string refusal_of_visit(std::string_view text) {
    try {
        read_visit(text, "v.yaml");
    } catch (const DataError& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("settings: defaults when absent, every key read when present") {
    Settings empty = read_settings("", "crm.yaml");
    CHECK(empty.stages.front() == "lead");
    CHECK(empty.default_tier == "B");
    CHECK(empty.autocommit);

    Settings defaults = read_settings(schema::default_settings_yaml(), "crm.yaml");
    CHECK(defaults.stages == Settings{}.stages);
    CHECK(defaults.inactive_stages == Settings{}.inactive_stages);
    CHECK(defaults.tier_names() == std::vector<std::string>{"A", "B", "C"});
    CHECK(defaults.find_tier("A")->every == Duration{30, Duration::Unit::days});
    CHECK(defaults.due_within == Duration{7, Duration::Unit::days});
    CHECK(defaults.review_follow_up == Duration{7, Duration::Unit::days});

    Settings s = read_settings(
        "stages: [new, won]\ninactive_stages: [won]\ntiers:\n  Gold: {every: 2w}\n"
        "  Dormant: {every: never}\ndefault_tier: Gold\ndue_within: 14d\n"
        "review_follow_up: 3d\nautocommit: false\ncustom_key: kept quietly\n",
        "crm.yaml");
    CHECK(s.stages == std::vector<std::string>{"new", "won"});
    CHECK(s.is_inactive("won"));
    CHECK(s.find_tier("Gold")->every == Duration{2, Duration::Unit::weeks});
    CHECK_FALSE(s.find_tier("Dormant")->every.has_value());
    CHECK(s.default_tier == "Gold");
    CHECK(s.due_within == Duration{14, Duration::Unit::days});
    CHECK_FALSE(s.autocommit);

    CHECK_THROWS_WITH_AS(read_settings("due_within: soon\n", "crm.yaml"),
                         doctest::Contains("crm.yaml:1:13: due_within"), DataError);
    CHECK_THROWS_WITH_AS(read_settings("autocommit: maybe\n", "crm.yaml"),
                         doctest::Contains("crm.yaml:1:13"), DataError);
    CHECK_THROWS_AS(read_settings("stages: []\n", "crm.yaml"), DataError);
}

TEST_CASE("a client survives writing and reading back, custom fields kept") {
    Client c;
    c.name = "Müller & Söhne GmbH";
    c.stage = "client";
    c.tier = "A";
    c.every = Cadence{Duration{21, Duration::Unit::days}};
    c.owner = "Alice Smith";
    c.since = crm::test::day("2026-03-02");
    c.stage_since = crm::test::day("2026-04-01");
    c.ratings.potential = 4;
    c.ratings.compatibility = 5;
    c.ratings.profitability = 3;
    c.contacts.push_back({"Jane Doe", "Director: projects", "jane@acme.example", "+61 2 5555 0100",
                          "Broncos fan\ndaughter starts university in 2027"});
    c.contacts.push_back({"no", "", "", "017", ""});
    c.tags = {"civil", "yes", "2026-01-01"};
    c.watchers = {"Bob Jones"};
    c.notes = "Free text.\n# not a comment\n";
    std::string text = schema::client_yaml(c);
    CHECK(text.starts_with("name: Müller & Söhne GmbH\nstage: client\ntier: A\nevery: 21d\n"));
    CHECK(text.ends_with("\n"));

    Client back = read_client(text + "industry: water\n", "clients/m/client.yaml");
    CHECK(back.name == c.name);
    CHECK(back.stage == "client");
    CHECK(back.every->str() == "21d");
    CHECK(back.since == c.since);
    CHECK(back.stage_since == c.stage_since);
    CHECK(back.ratings.score() == 12);
    REQUIRE(back.contacts.size() == 2);
    CHECK(back.contacts[0].role == "Director: projects");
    CHECK(back.contacts[0].phone == "+61 2 5555 0100");
    CHECK(back.contacts[0].notes == c.contacts[0].notes);
    CHECK(back.contacts[1].name == "no");
    CHECK(back.contacts[1].phone == "017");
    CHECK(back.tags == c.tags);
    CHECK(back.watchers == c.watchers);
    CHECK(back.notes == c.notes);
    CHECK(back.file == "clients/m/client.yaml");
    REQUIRE(back.custom.size() == 1);
    CHECK(back.custom[0] == std::pair<std::string, std::string>{"industry", "water"});

    Client never;
    never.name = "N";
    never.every = Cadence::never();
    CHECK(read_client(schema::client_yaml(never), "c").every->is_never());
}

TEST_CASE("a client file with wrong values is refused at the value") {
    CHECK(refusal_of_client("stage: lead\n").starts_with("c.yaml:1:1: client has no name:"));
    CHECK(refusal_of_client("name: A\nsince: 2026-02-30\n") ==
          "c.yaml:2:8: since: '2026-02-30' is not a date");
    CHECK(refusal_of_client("name: A\nevery: often\n").starts_with("c.yaml:2:8: every:"));
    CHECK(refusal_of_client("name: A\nratings: {potential: 6}\n")
              .starts_with("c.yaml:2:22: ratings.potential"));
    CHECK(refusal_of_client("name: A\nratings: {luck: 3}\n").starts_with("c.yaml:2:11: ratings:"));
    CHECK(refusal_of_client("name: [A, B]\n").starts_with("c.yaml:1:7: name: expected text"));
    CHECK(refusal_of_client("- a\n").starts_with("c.yaml:1:1: the file's top level"));
    CHECK(refusal_of_client("").find("file is empty") != std::string::npos);
    CHECK(refusal_of_client("name: A\ncontacts: Jane\n").starts_with("c.yaml:2:11: contacts"));
}

TEST_CASE("a visit survives writing and reading back") {
    Visit v;
    v.date = crm::test::day("2026-11-23");
    v.by = "Alice Smith";
    v.kind = "call";
    v.where = "Their office, level 3";
    v.initiated_by = "client";
    v.with = {"Jane Doe", "on"};
    v.discussed = {"Phase 2: scope", "- dash"};
    v.new_topics = {"New depot planned for 2027"};
    v.promises = {
        {"Send capability statement", crm::test::day("2026-11-30"), crm::test::day("2026-11-28")},
        {"null", std::nullopt, std::nullopt}};
    v.actions = {{"Ask Bob for a cost estimate", crm::test::day("2026-12-05"), std::nullopt}};
    v.next_contact = crm::test::day("2026-12-15");
    v.notes = "Line one\nLine two";
    std::string text = schema::visit_yaml(v);
    CHECK(text.starts_with("date: 2026-11-23\nby: Alice Smith\nkind: call\n"));
    CHECK(text.find("promises:\n  - what: Send capability statement\n    due: 2026-11-30\n"
                    "    done: 2026-11-28\n") != std::string::npos);

    Visit back = read_visit(text, "v.yaml");
    CHECK(back.date == v.date);
    CHECK(back.by == v.by);
    CHECK(back.kind == "call");
    CHECK(back.where == v.where);
    CHECK(back.initiated_by == "client");
    CHECK(back.with == v.with);
    CHECK(back.discussed == v.discussed);
    CHECK(back.new_topics == v.new_topics);
    REQUIRE(back.promises.size() == 2);
    CHECK(back.promises[0].due == v.promises[0].due);
    CHECK(back.promises[0].done == v.promises[0].done);
    CHECK(back.promises[1].what == "null");
    CHECK(back.promises[1].open());
    REQUIRE(back.actions.size() == 1);
    CHECK(back.actions[0].what == v.actions[0].what);
    CHECK(back.next_contact == v.next_contact);
    CHECK(back.notes == v.notes);
    CHECK(back.custom.empty());

    // A bare visit: only what log-visit always writes.
    Visit bare;
    bare.date = crm::test::day("2026-11-23");
    bare.by = "A";
    CHECK(schema::visit_yaml(bare) == "date: 2026-11-23\nby: A\nkind: visit\n");
}

TEST_CASE("a visit file with wrong values is refused at the value") {
    CHECK(refusal_of_visit("by: A\n").starts_with("v.yaml:1:1: visit has no date:"));
    CHECK(refusal_of_visit("date: 2026-2-5\n") == "v.yaml:1:7: date: '2026-2-5' is not a date");
    CHECK(refusal_of_visit("date: 2026-11-23\npromises:\n  - due: 2026-12-01\n")
              .starts_with("v.yaml:3:5: promises: an item without what:"));
    CHECK(refusal_of_visit("date: 2026-11-23\nactions:\n  - what: x\n    due: soon\n") ==
          "v.yaml:4:10: actions.due: 'soon' is not a date");
    CHECK(refusal_of_visit("date: 2026-11-23\nnext_contact: [a]\n")
              .starts_with("v.yaml:2:15: next_contact"));
    // Hand-written shorthands are read kindly.
    Visit v = read_visit("date: 2026-11-23\nwith: Jane\npromises: [Call back]\nmood: good\n", "v");
    CHECK(v.with == std::vector<std::string>{"Jane"});
    CHECK(v.promises.at(0).what == "Call back");
    CHECK(v.custom.at(0).first == "mood");
}

TEST_CASE("a review survives writing and reading back") {
    Review r;
    r.date = crm::test::day("2026-12-10");
    r.by = "Alice Smith";
    r.project = "Bridge retrofit: stage 1";
    r.rating = Rating::happy;
    r.why = "Finished two weeks early; clear weekly reports.";
    r.went_well = {"Weekly reports"};
    r.to_improve = {"Invoice detail"};
    r.testimonial = "\"Best consultant we've used.\"";
    r.referrals = {"Tom Lee at Northern Water"};
    Review back = read_review(schema::review_yaml(r), "r.yaml");
    CHECK(back.date == r.date);
    CHECK(back.project == r.project);
    CHECK(back.rating == Rating::happy);
    CHECK(back.why == r.why);
    CHECK(back.went_well == r.went_well);
    CHECK(back.to_improve == r.to_improve);
    CHECK(back.testimonial == r.testimonial);
    CHECK(back.referrals == r.referrals);
    CHECK_THROWS_WITH_AS(read_review("date: 2026-12-10\nrating: furious\n", "r.yaml"),
                         doctest::Contains("r.yaml:2:9: rating: unknown rating 'furious'"),
                         DataError);
    CHECK_THROWS_WITH_AS(read_review("date: 2026-12-10\n", "r.yaml"),
                         doctest::Contains("no rating"), DataError);
}

TEST_CASE("node_text flattens lists and maps for custom fields") {
    auto root = yaml::parse("a: [x, y]\nb: {k: v}\nc:\n", "f");
    CHECK(schema::node_text(*root.find("a")) == "x, y");
    CHECK(schema::node_text(*root.find("b")) == "k: v");
    CHECK(schema::node_text(*root.find("c")) == "");
}

TEST_CASE("custom fields are written back with their shape") {
    const char* text =
        "date: 2026-11-23\nmood: good\nbudget: 12000\nflag: \"yes\"\nregions: [north, south]\n"
        "meta:\n  owner: \"a, b\"\n  n: [1, {k: v}]\n\"odd: key\": x\nempty:\n";
    yaml::Node root = yaml::parse(text, "v");
    Visit v = schema::visit_from(root, "v");
    std::string out = schema::custom_fields_yaml(root, v.custom);
    CHECK(out ==
          "mood: good\nbudget: 12000\nflag: \"yes\"\nregions: [north, south]\n"
          "meta: {owner: \"a, b\", \"n\": [1, {k: v}]}\n\"odd: key\": x\nempty: null\n");
    yaml::Node back = yaml::parse("date: 2026-11-23\n" + out, "v");
    CHECK(schema::node_text(*back.find("meta")) == schema::node_text(*root.find("meta")));
    CHECK(back.find("flag")->value == "yes");
    CHECK_FALSE(back.find("flag")->plain);
    CHECK(back.find("budget")->plain);
}
