#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/show_view.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Styler;

namespace {

ClientRecord acme() {
    ClientRecord r = record("acme", "Acme Pty Ltd", "client", "");
    r.client.owner = "Ann";
    r.client.since = d("2025-01-10");
    r.client.ratings.potential = 4;
    r.client.ratings.profitability = 3;
    r.client.tags = {"water", "utility"};
    r.client.custom = {{"industry", "water"}};
    r.client.notes = "Panel member.\nSecond line.";
    r.client.contacts.push_back(
        {"Tom Lee", "Engineer", "tom@acme.example", "", "Likes tea.\nCalls early."});
    Visit old = visit("acme", "2026-09-01");
    old.kind = "meeting";
    old.where = "HQ";
    old.with = {"Tom Lee"};
    old.promises = {item("undated promise"), item("sent", "2026-09-10", "2026-09-09")};
    old.actions = {item("book room", "2026-11-20")};
    old.notes = "First line.\nMore.\n";
    Visit recent = visit("acme", "2026-10-15", "");
    recent.kind = "call";
    recent.discussed = {"scope", "price"};
    recent.promises = {item("quote", "2026-12-01")};
    r.visits = {old, recent};
    Review rv = review("acme", "2026-10-15", Rating::happy, "Bridge");
    rv.by = "Ann";
    rv.why = "On time";
    r.reviews = {rv};
    return r;
}

}  // namespace

TEST_CASE("show_text: the client's page, open items soonest first, the timeline newest first") {
    const std::string out = render::show_text(acme(), Settings{}, kToday, Styler(false));
    CHECK(out ==
          "Acme Pty Ltd  (acme)\n"
          "  stage        client\n"
          "  tier         B (default)  every 60d\n"
          "  owner        Ann\n"
          "  since        2025-01-10\n"
          "  ratings      potential 4, compatibility -, profitability 3  (score 7/15)\n"
          "  tags         water, utility\n"
          "  industry     water\n"
          "  last contact 2026-10-15\n"
          "  next contact 2026-12-14  (in 21 days)\n"
          "\n"
          "Panel member.\n"
          "Second line.\n"
          "\n"
          "Contacts\n"
          "  Tom Lee, Engineer, tom@acme.example\n"
          "    Likes tea.\n"
          "    Calls early.\n"
          "\n"
          "Open promises and actions\n"
          "  action  book room  (2026-11-20  3 days overdue)\n"
          "  promise quote  (2026-12-01  in 8 days)\n"
          "  promise undated promise  (no date)\n"
          "\n"
          "Timeline\n"
          "  2026-10-15  call\n"
          "      discussed: scope; price\n"
          "      promised: quote by 2026-12-01\n"
          "  2026-10-15  review: happy — Bridge (by Ann)\n"
          "      On time\n"
          "  2026-09-01  meeting by Ann at HQ with Tom Lee\n"
          "      promised: undated promise\n"
          "      promised: sent by 2026-09-10 (done 2026-09-09)\n"
          "      action: book room by 2026-11-20\n"
          "      First line. …\n");
}

TEST_CASE("show_text: an untracked client, nothing open, no timeline") {
    ClientRecord r = record("gone", "Gone Ltd", "former", "A");
    r.client.every = Cadence::never();
    const std::string out = render::show_text(r, Settings{}, kToday, Styler(false));
    CHECK(out ==
          "Gone Ltd  (gone)\n"
          "  stage        former\n"
          "  tier         A  not tracked (own cadence)\n"
          "  next contact none (inactive stage)\n");
}

TEST_CASE("show_text: colour marks the name, headings and what is late") {
    const std::string out = render::show_text(acme(), Settings{}, kToday, Styler(true));
    CHECK(out.starts_with("\x1b[1mAcme Pty Ltd\x1b[0m  \x1b[2m(acme)\x1b[0m\n"));
    CHECK(out.find("\x1b[1;4mOpen promises and actions\x1b[0m\n") != std::string::npos);
    CHECK(out.find("book room  \x1b[31m(2026-11-20  3 days overdue)\x1b[0m\n") !=
          std::string::npos);
    CHECK(out.find("quote  \x1b[2m(2026-12-01  in 8 days)\x1b[0m\n") != std::string::npos);
    CHECK(out.find("    \x1b[2mCalls early.\x1b[0m\n") != std::string::npos);
    CHECK(out.find("  \x1b[1m2026-09-01\x1b[0m  meeting") != std::string::npos);
}

TEST_CASE("show_text: control characters from the files show as spaces, colour or not") {
    ClientRecord r = record("evil", "Evil\x1b]0;pwned\x07 Co");
    r.client.owner = "Bob\x1b[2Jred";
    r.client.custom = {{"in\rdustry",
                        "water\xc2\x9b"
                        "2J works"}};
    r.client.notes = "line\x1b[2Jcleared\rover\nsecond\n";
    r.client.contacts.push_back({"Jane\x1b[8m Doe", "Boss", "", "", "likes\rtea"});
    Visit v = visit("evil", "2026-11-01", "Bob\x1b]2;x\x07 Jones");
    v.kind = "meeting\x1b[2J";
    v.promises = {item("Send\x1b[8m report", "2026-11-30")};
    r.visits = {v};
    for (bool colour : {false, true}) {
        const std::string out = render::show_text(r, Settings{}, kToday, Styler(colour));
        CHECK_FALSE(has_controls(without_styles(out)));
        const std::string plain = without_styles(out);
        CHECK(plain.find("Evil ]0;pwned  Co  (evil)\n") != std::string::npos);
        CHECK(plain.find("  owner        Bob [2Jred\n") != std::string::npos);
        CHECK(plain.find("  in dustry    water 2J works\n") != std::string::npos);
        CHECK(plain.find("line [2Jcleared over\nsecond\n") != std::string::npos);
        CHECK(plain.find("    likes tea\n") != std::string::npos);
        CHECK(plain.find("meeting [2J by Bob ]2;x  Jones\n") != std::string::npos);
        CHECK(plain.find("  promise Send [8m report  (") != std::string::npos);
    }
}

TEST_CASE("show_json: the record as to_json writes it, with the open items in order") {
    ClientRecord r = acme();
    r.client.name = "Evil\x1b]0;x\x07";
    const auto j = formats::Json::parse(render::show_json(r, Settings{}));
    CHECK(j["name"] == "Evil\x1b]0;x\x07");  // data for programs: kept exact
    CHECK(j["next_contact"] == "2026-12-14");
    CHECK(j["last_contact"] == "2026-10-15");
    REQUIRE(j["open"].size() == 3);
    CHECK(j["open"][0]["what"] == "book room");
    CHECK(j["open"][0]["type"] == "action");
    CHECK(j["open"][0]["visit"] == "clients/acme/visits/2026-09-01.yaml");
    CHECK(j["open"][2]["what"] == "undated promise");
    REQUIRE(j["visits"].size() == 2);
    CHECK(j["visits"][0]["date"] == "2026-10-15");
    CHECK(j["reviews"][0]["project"] == "Bridge");
    // The keys after the client's own, in the order scripts have seen them.
    std::vector<std::string> tail;
    for (auto it = j.begin(); it != j.end(); ++it)
        tail.push_back(it.key());
    tail.erase(tail.begin(), tail.end() - 6);
    CHECK(tail == std::vector<std::string>{"next_contact", "last_contact", "open", "visits",
                                           "reviews", "opportunities"});
    auto open_keys = std::vector<std::string>{};
    for (auto it = j["open"][0].begin(); it != j["open"][0].end(); ++it)
        open_keys.push_back(it.key());
    CHECK(open_keys.back() == "visit");
    CHECK(open_keys[open_keys.size() - 2] == "type");
}

TEST_CASE("show_text: open opportunities with their next step and RFP; closed ones counted") {
    ClientRecord r = record("acme", "Acme Pty Ltd", "client", "");
    Opportunity depot;
    depot.file = "clients/acme/opportunities/2026-10-02-ann-a1b2c3.yaml";
    depot.title = "Depot expansion stage 2";
    depot.by = "Ann";
    depot.value = Money{180000};
    depot.rfp_expected = d("2027-03-01");
    depot.decision_expected = d("2027-05-15");
    depot.next_step = "Site walk with the depot manager";
    depot.next_step_due = d("2026-12-10");
    Opportunity road = depot;
    road.file = "clients/acme/opportunities/2026-10-03-ann-b1b2c3.yaml";
    road.title = "Haul road";
    road.stage = "rfp";
    road.owner = "Bob";
    road.value.reset();
    road.probability = Percent{40};
    road.rfp_since = d("2026-11-01");
    road.decision_expected.reset();
    road.next_step = "";
    road.next_step_due = d("2026-11-20");
    Opportunity won = depot;
    won.won = d("2026-06-01");
    Opportunity lost = depot;
    lost.stage = "lost";
    r.opportunities = {depot, road, won, lost};
    const std::string out = render::show_text(r, Settings{}, kToday, Styler(false));
    const std::string section =
        "\nOpen opportunities\n"
        "  Depot expansion stage 2  pre-scoping, 180,000 at 10%, Ann\n"
        "      next step: Site walk with the depot manager  (2026-12-10, in 17 days)\n"
        "      RFP expected 2027-03-01; decision expected 2027-05-15\n"
        "  Haul road  rfp, no value at 40%, Bob\n"
        "      next step: -  (2026-11-20, 3 days overdue)\n"
        "      RFP out since 2026-11-01\n"
        "  won 1, lost 1 (see crm pipeline)\n";
    CHECK_MESSAGE(out.find(section) != std::string::npos, out);

    r.opportunities = {won};
    CHECK(render::show_text(r, Settings{}, kToday, Styler(false))
              .find("Open opportunities\n  none\n  won 1, lost 0") != std::string::npos);
    r.opportunities.clear();
    CHECK(render::show_text(r, Settings{}, kToday, Styler(false)).find("opportunities") ==
          std::string::npos);

    r.opportunities = {depot, won};
    const auto j = formats::Json::parse(render::show_json(r, Settings{}));
    REQUIRE(j["opportunities"].size() == 2);
    CHECK(j["opportunities"][0]["won"] == "2026-06-01");  // the file after, newest first
    CHECK(j["opportunities"][1]["value"] == 180000);
    CHECK(j["opportunities"][1]["file"] == depot.file);
}
