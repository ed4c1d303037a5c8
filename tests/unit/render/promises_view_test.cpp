#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/promises_view.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Styler;

namespace {

std::vector<ClientRecord> records() {
    ClientRecord a = record("acme", "Acme Pty Ltd");
    Visit v = visit("acme", "2026-10-01", "Ann");
    v.promises = {item("Send the condition report for stations 3 and 7", "2026-11-20"),
                  item("Call back", nullptr), item("Quote", "2026-10-05", "2026-10-04")};
    v.actions = {item("Book the room", "2026-11-25")};
    a.visits = {v};
    ClientRecord b = record("evil", "Evil\x1b]0;pwned\x07 Co");
    Visit w = visit("evil", "2026-11-01", "Bob\x1b[2J");
    w.promises = {item("Send\x1b[8m report", "2026-11-24")};
    b.visits = {w};
    return {a, b};
}

std::vector<PromiseRow> rows(const std::vector<ClientRecord>& rs) {
    return promise_rows(rs, {.all = true}, kToday);
}

}  // namespace

TEST_CASE("promises_table: numbered open items, then the delivered ones, name once") {
    const auto rs = records();
    CHECK(render::promises_table(rows(rs), kToday, Styler(false), 0) ==
          "CLIENT             #  TYPE     DUE         WHEN             WHAT                        "
          "                    BY\n"
          "Acme Pty Ltd       1  promise  2026-11-20  3d overdue       Send the condition report "
          "for stations 3 and 7  Ann\n"
          "                   2  action   2026-11-25  in 2d            Book the room               "
          "                    Ann\n"
          "                   3  promise              no date          Call back                   "
          "                    Ann\n"
          "                      promise  2026-10-05  done 2026-10-04  Quote                       "
          "                    Ann\n"
          "Evil ]0;pwned  Co  1  promise  2026-11-24  tomorrow         Send [8m report             "
          "                    Bob [2J\n");
}

TEST_CASE("promises_table: a narrow terminal wraps WHAT and the name, never the numbers") {
    const auto rs = records();
    const std::string out = render::promises_table(rows(rs), kToday, Styler(false), 60);
    // One column says when; the date beside it goes below 100 columns, and BY goes.
    CHECK(out.starts_with("CLIENT    #  TYPE     WHEN             WHAT\n"));
    CHECK(out.find("Acme Pty  1  promise  3d overdue       Send the condition\n"
                   "Ltd                                    report for stations 3\n"
                   "                                       and 7\n") != std::string::npos);
    CHECK(out.find("             promise  done 2026-10-04  Quote\n") != std::string::npos);
    CHECK(widest_line(out) <= 60);
}

TEST_CASE("promises_table: late in red, delivered in green and dim, no control leaks") {
    const auto rs = records();
    const std::string out = render::promises_table(rows(rs), kToday, Styler(true), 0);
    CHECK(out.find("\x1b[31m3d overdue\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[32mdone 2026-10-04\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[2mQuote\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[36mpromise\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[1mEvil ]0;pwned  Co\x1b[0m") != std::string::npos);
    CHECK_FALSE(has_controls(without_styles(out)));
}

TEST_CASE("promises_json: every row with its number, exact text, overdue flag") {
    const auto rs = records();
    const auto j = formats::Json::parse(render::promises_json(rows(rs), kToday));
    REQUIRE(j.size() == 5);
    std::vector<std::string> keys;
    for (auto it = j[0].begin(); it != j[0].end(); ++it)
        keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"client", "name", "number", "type", "what", "due",
                                           "done", "overdue", "by", "visit"});
    CHECK(j[0]["number"] == 1);
    CHECK(j[0]["overdue"] == true);
    CHECK(j[1]["type"] == "action");
    CHECK(j[3]["number"].is_null());
    CHECK(j[3]["done"] == "2026-10-04");
    CHECK(j[3]["overdue"] == false);
    CHECK(j[4]["name"] == "Evil\x1b]0;pwned\x07 Co");
    CHECK(j[4]["visit"] == "clients/evil/visits/2026-11-01.yaml");
    CHECK(render::promises_json({}, kToday) == "[]\n");
}
