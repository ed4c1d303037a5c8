#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/list_view.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Styler;

namespace {

std::vector<Client> clients() {
    Client a = record("acme", "Acme Engineering Pty Ltd").client;
    a.owner = "Ann";
    a.since = d("2025-01-10");
    a.tags = {"water", "utility"};
    Client m = record("muller", "Müller & Söhne GmbH", "lead", "").client;
    return {a, m};
}

}  // namespace

TEST_CASE("list_table: one row per client, aligned by display width") {
    CHECK(render::list_table(clients(), Styler(false), 0) ==
          "NAME                      STAGE   TIER  OWNER  SINCE       TAGS\n"
          "Acme Engineering Pty Ltd  client  A     Ann    2025-01-10  water, utility\n"
          "Müller & Söhne GmbH       lead\n");
    CHECK(render::list_table({}, Styler(false), 0).empty());
}

TEST_CASE("list_table: a narrow terminal drops the tags, then wraps the names") {
    const std::string out = render::list_table(clients(), Styler(false), 50);
    CHECK(out.find("TAGS") == std::string::npos);
    CHECK(out.find("Acme Engineering   client  A     Ann    2025-01-10\n"
                   "Pty Ltd\n") != std::string::npos);
    CHECK(widest_line(out) <= 50);
    // Narrower still, the owner and the stage go too; the date stays whole.
    const std::string narrow = render::list_table(clients(), Styler(false), 30);
    CHECK(widest_line(narrow) <= 30);
    CHECK(narrow.find("Acme          A     2025-01-10\n"
                      "Engineering\n"
                      "Pty Ltd\n") != std::string::npos);
}

TEST_CASE("list_table: colour marks names and tags; a name's control characters are spaces") {
    auto cs = clients();
    cs[1].name = "Evil\x1b]0;pwned\x07 Co";
    const std::string out = render::list_table(cs, Styler(true), 0);
    CHECK(out.find("\x1b[1mAcme Engineering Pty Ltd\x1b[0m") != std::string::npos);
    CHECK(out.find("\x1b[2mwater, utility\x1b[0m") != std::string::npos);
    CHECK(out.find("Evil ]0;pwned  Co") != std::string::npos);
    CHECK_FALSE(has_controls(without_styles(out)));
}

TEST_CASE("list_json, list_csv and list_slugs keep the exact text for programs") {
    auto cs = clients();
    cs[1].name = "Evil\x1b]0;x\x07, \"Co\"";
    const auto j = formats::Json::parse(render::list_json(cs));
    REQUIRE(j.size() == 2);
    CHECK(j[0]["slug"] == "acme");
    CHECK(j[1]["name"] == "Evil\x1b]0;x\x07, \"Co\"");
    CHECK(render::list_json({}) == "[]\n");
    CHECK(render::list_csv(cs) ==
          "slug,name,stage,tier,owner,since,tags\r\n"
          "acme,Acme Engineering Pty Ltd,client,A,Ann,2025-01-10,water;utility\r\n"
          "muller,\"Evil\x1b]0;x\x07, \"\"Co\"\"\",lead,,,,\r\n");
    CHECK(render::list_slugs(cs) == "acme\nmuller\n");
}

TEST_CASE("list_markdown: the table's columns, Markdown's escapes, no slug") {
    auto cs = clients();
    cs[1].name = "Pipe | and *star*";
    CHECK(render::list_markdown(cs) ==
          "| Name | Stage | Tier | Owner | Since | Tags |\n"
          "|------|-------|------|-------|-------|------|\n"
          "| Acme Engineering Pty Ltd | client | A | Ann | 2025-01-10 | water, utility |\n"
          "| Pipe \\| and \\*star\\* | lead |  |  |  |  |\n");
}
