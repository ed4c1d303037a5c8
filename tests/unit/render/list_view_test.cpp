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
          "SLUG    NAME                      STAGE   TIER  OWNER  SINCE       TAGS\n"
          "acme    Acme Engineering Pty Ltd  client  A     Ann    2025-01-10  water, utility\n"
          "muller  Müller & Söhne GmbH       lead\n");
    CHECK(render::list_table({}, Styler(false), 0).empty());
}

TEST_CASE("list_table: a narrow terminal shortens the names") {
    const std::string out = render::list_table(clients(), Styler(false), 70);
    CHECK(out.find("acme    Acme Enginee…  client") != std::string::npos);
    CHECK(out.find("muller  Müller & Söh…  lead") != std::string::npos);
    CHECK(widest_line(out) == 70);
}

TEST_CASE("list_table: colour marks slugs and tags; a name's control characters are spaces") {
    auto cs = clients();
    cs[1].name = "Evil\x1b]0;pwned\x07 Co";
    const std::string out = render::list_table(cs, Styler(true), 0);
    CHECK(out.find("\x1b[1macme\x1b[0m") != std::string::npos);
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
