#include <doctest/doctest.h>

#include "crm/formats/json.hpp"

using crm::formats::dump;
using crm::formats::dump_with_items;
using crm::formats::Json;

TEST_CASE("dump_with_items gives dump's text of the whole value, one item at a time") {
    const std::vector<Json> items = {
        Json{{"type", "promise"}, {"what", "line\nbreak \x01 \"quoted\""}, {"n", 3}},
        Json{{"nested", Json{{"a", Json::array({1, 2})}, {"b", nullptr}}},
             {"empty", Json::array()}},
        Json::array({"x", Json::object()}),
    };
    for (std::size_t count : {0u, 1u, 3u}) {
        CAPTURE(count);
        Json whole{{"as_of", "2026-11-23"}, {"until", "2026-11-30"}};
        whole["items"] = Json::array();
        for (std::size_t i = 0; i < count; ++i)
            whole["items"].push_back(items[i]);
        Json head{{"as_of", "2026-11-23"}, {"until", "2026-11-30"}};
        CHECK(dump_with_items(head, "items", count, [&](std::size_t i) { return items[i]; }) ==
              dump(whole));
    }
    // The key in the middle of the object keeps its place.
    Json head{{"first", 1}, {"items", nullptr}, {"last", "z"}};
    Json whole = head;
    whole["items"] = Json::array({items[0]});
    CHECK(dump_with_items(head, "items", 1, [&](std::size_t i) { return items[i]; }) ==
          dump(whole));
}
