#include <doctest/doctest.h>

#include "crm/reports/client_filter.hpp"
#include "crm/util/error.hpp"

using namespace crm;

namespace {

Client acme() {
    Client c;
    c.slug = "acme";
    c.name = "Acme Pty Ltd";
    c.stage = "client";
    c.tier = "A";
    c.owner = "Alice Smith";
    c.since = Date::parse_iso("2026-01-05");
    c.tags = {"Water", "utility"};
    c.watchers = {"Bob Jones"};
    c.custom = {{"industry", "water"}, {"regions", "north, south"}};
    return c;
}

}  // namespace

TEST_CASE("--where takes KEY=VALUE and trims both") {
    auto f = parse_field_filter(" industry = water ");
    CHECK(f.key == "industry");
    CHECK(f.value == "water");
    CHECK(parse_field_filter("notes=").value.empty());
    CHECK(parse_field_filter("a=b=c").value == "b=c");
    CHECK_THROWS_AS(parse_field_filter("industry"), UsageError);
    CHECK_THROWS_AS(parse_field_filter("=water"), UsageError);
}

TEST_CASE("field_value reads known and hand-added fields by their key") {
    const Client c = acme();
    CHECK(field_value(c, "name") == "Acme Pty Ltd");
    CHECK(field_value(c, "since") == "2026-01-05");
    CHECK(field_value(c, "every") == "");
    CHECK(field_value(c, "tags") == "Water, utility");
    CHECK(field_value(c, "watchers") == "Bob Jones");
    CHECK(field_value(c, "industry") == "water");
    CHECK_FALSE(field_value(c, "nonesuch").has_value());
}

TEST_CASE("an empty filter matches every client; each member narrows") {
    const Client c = acme();
    CHECK(client_matches(c, {}));
    CHECK(client_matches(c, {.stage = "client"}));
    CHECK(client_matches(c, {.stage = "Client"}));  // any case, as every filter
    CHECK_FALSE(client_matches(c, {.tier = "B"}));
    CHECK(client_matches(c, {.owner = "alice SMITH"}));
    CHECK_FALSE(client_matches(c, {.owner = "Bob Jones"}));
    CHECK(client_matches(c, {.tags = {"water", "UTILITY"}}));
    CHECK_FALSE(client_matches(c, {.tags = {"water", "council"}}));
}

TEST_CASE("--where matches a whole value or any item of a list, without case") {
    const Client c = acme();
    auto where = [&](std::string key, std::string value) {
        return client_matches(c, {.where = {{std::move(key), std::move(value)}}});
    };
    CHECK(where("industry", "WATER"));
    CHECK(where("regions", "south"));
    CHECK(where("regions", "north, south"));
    CHECK(where("tags", "utility"));
    CHECK_FALSE(where("regions", "nor"));
    CHECK_FALSE(where("nonesuch", ""));  // a missing key matches nothing, not even empty
    CHECK(where("every", ""));           // a known field left unset is empty
}
