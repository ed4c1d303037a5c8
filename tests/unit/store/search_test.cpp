#include "crm/store/search.hpp"

#include <doctest/doctest.h>

using crm::store::matching_lines;
using crm::store::search_normal;

namespace {

// The line numbers only.
std::vector<int> lines(std::string_view text, std::string_view query) {
    std::vector<int> out;
    for (const auto& m : matching_lines(text, "t.yaml", search_normal(query)))
        out.push_back(m.line);
    return out;
}

}  // namespace

TEST_CASE("search_normal folds case and collapses whitespace") {
    CHECK(search_normal("  Bridge\t\tRETROFIT \n") == "bridge retrofit");
    CHECK(search_normal("\"Le  Nord\"") == "\"le nord\"");
    CHECK(search_normal("ZÜRCHER Öko") == "zürcher öko");
    CHECK(search_normal(" \n ").empty());
}

TEST_CASE("matching_lines finds values as a person reads them") {
    SUBCASE("escapes are undone, quotes kept as text") {
        const std::string_view text = "name: X\nwhere: \"the \\\"Le Nord\\\" cafe\"\n";
        CHECK(lines(text, "\"le nord\"") == std::vector<int>{2});
        CHECK(lines(text, "\\\"le").empty());
    }
    SUBCASE("a phrase across lines starts where its first word is") {
        const std::string_view text = "notes: |\n  one two\n  three\nwhy: four\n  five six\n";
        CHECK(lines(text, "two three") == std::vector<int>{2});
        CHECK(lines(text, "three") == std::vector<int>{3});
        CHECK(lines(text, "five six") == std::vector<int>{5});
        CHECK(lines(text, "four five") == std::vector<int>{4});
    }
    SUBCASE("values do not run into each other, keys are not text") {
        const std::string_view text = "a: one\nb: two\nlist: [three, four]\n";
        CHECK(lines(text, "one two").empty());
        CHECK(lines(text, "three, four").empty());
        CHECK(lines(text, "list").empty());
        CHECK(lines(text, "four") == std::vector<int>{3});
    }
    SUBCASE("a line is named once however often it matches") {
        CHECK(lines("tags: [abc, xabc, abcabc]\n", "abc") == std::vector<int>{1});
    }
    SUBCASE("the text is the raw line, trimmed") {
        auto m = matching_lines("notes: |\n    deep text  \n", "t.yaml", "deep");
        REQUIRE(m.size() == 1);
        CHECK(m[0].text == "deep text");
    }
    SUBCASE("what the quick reader declines, the parser reads") {
        CHECK(lines("---\nname: anchored\n", "anchored") == std::vector<int>{2});
    }
    SUBCASE("a file no reader accepts is searched on its raw lines") {
        CHECK(lines("notes: [unclosed flamingo\n\tkey: flamingo\n", "flamingo") ==
              std::vector<int>{1, 2});
    }
}
