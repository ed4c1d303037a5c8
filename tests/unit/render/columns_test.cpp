#include <doctest/doctest.h>

#include "crm/formats/json.hpp"
#include "crm/render/columns.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Cell;
using render::Role;
using render::Styler;

namespace {

struct Deal {
    std::string slug;
    std::string name;
    double value;
    bool open;
};

// One description: a slug for programs only, a name for both, a number whose table text
// differs from its CSV text and JSON value, a flag whose JSON is a bool.
const render::Columns<Deal>& columns() {
    static const render::Columns<Deal> cols{
        {"client", "", {}, [](const Deal& d) { return Cell{d.slug}; }},
        {"name",
         "CLIENT",
         {Role::reading},
         [](const Deal& d) {
             return Cell{d.name, render::Style::bold};
         }},
        {"value",
         "VALUE",
         {Role::number},
         [](const Deal& d) { return Cell{d.value >= 1e6 ? "1,150,000" : "95,000"}; },
         [](const Deal& d) { return fmt::format("{}", d.value); },
         [](const Deal& d) { return formats::number_json(d.value); }},
        {"open",
         "OPEN",
         {Role::flag},
         [](const Deal& d) { return Cell{d.open ? "yes" : ""}; },
         nullptr,
         [](const Deal& d) { return formats::Json(d.open); }},
    };
    return cols;
}

std::vector<Deal> deals() {
    return {{"smith-a", "Smith | Sons, \"Ltd\"", 1150000, true},
            {"tanaka", "田中建設", 95000, false}};
}

}  // namespace

TEST_CASE("columns: the table shows the headed columns, aligned by display width") {
    CHECK(render::table(deals(), columns(), Styler(false), 0) ==
          "CLIENT                   VALUE  OPEN\n"
          "Smith | Sons, \"Ltd\"  1,150,000  yes\n"
          "田中建設" +
              std::string(16, ' ') + "95,000\n");
}

TEST_CASE("columns: CSV has the keyed columns, their program text, quoted") {
    CHECK(render::csv(deals(), columns()) ==
          "client,name,value,open\r\n"
          "smith-a,\"Smith | Sons, \"\"Ltd\"\"\",1150000,yes\r\n"
          "tanaka,田中建設,95000,\r\n");
}

TEST_CASE("columns: JSON has the keyed columns in order, typed where the column says") {
    const auto j = formats::Json::parse(render::json(deals(), columns()));
    REQUIRE(j.size() == 2);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j[0].items())
        keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"client", "name", "value", "open"});
    CHECK(j[0]["client"] == "smith-a");
    CHECK(j[0]["value"] == 1150000);
    CHECK(j[0]["open"] == true);
    CHECK(j[1]["open"] == false);
    CHECK(render::json(std::vector<Deal>{}, columns()) == "[]\n");
}

TEST_CASE("columns: Markdown has the headed columns, escaped") {
    CHECK(render::markdown(deals(), columns()) ==
          "| Client | Value | Open |\n"
          "|--------|-------|------|\n"
          "| Smith \\| Sons, \"Ltd\" | 1,150,000 | yes |\n"
          "| 田中建設 | 95,000 |  |\n");
}
