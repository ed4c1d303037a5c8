#include <doctest/doctest.h>

#include <string>

#include "crm/yaml/tree.hpp"

using crm::yaml::Node;
using crm::yaml::parse;

namespace {

// The refusal of `text` as "line:column: problem", or "accepted".
std::string refusal(std::string_view text) {
    try {
        parse(text, "f.yaml");
    } catch (const crm::DataError& e) {
        return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " +
               e.problem();
    }
    return "accepted";
}

bool refused_at(std::string_view text, std::string_view where, std::string_view words) {
    std::string r = refusal(text);
    bool ok = r.starts_with(std::string(where) + ": ") && r.find(words) != std::string::npos;
    if (!ok)
        MESSAGE("refusal was: " << r);
    return ok;
}

}  // namespace

TEST_CASE("a record parses into a tree that remembers positions and quoting") {
    Node root = parse("name: Acme\ntags: [a, \"b\"]\nn: ~\ncontacts:\n  - name: Jane\n", "f");
    REQUIRE(root.is_map());
    REQUIRE(root.entries.size() == 4);
    const Node* name = root.find("name");
    REQUIRE(name);
    CHECK(name->value == "Acme");
    CHECK(name->plain);
    CHECK(name->mark.line == 1);
    CHECK(name->mark.column == 7);
    const Node* tags = root.find("tags");
    REQUIRE(tags);
    REQUIRE(tags->items.size() == 2);
    CHECK(tags->items[1].value == "b");
    CHECK_FALSE(tags->items[1].plain);
    CHECK(root.find("n")->is_null());
    const Node* contacts = root.find("contacts");
    CHECK(contacts->items[0].find("name")->mark.line == 5);
    CHECK(contacts->items[0].find("name")->mark.column == 11);
    CHECK(root.find("missing") == nullptr);
    CHECK(parse("", "f").is_null());
    CHECK(parse("# only a comment\n", "f").is_null());
    // A quoted "null" is text, a bare one is nothing.
    CHECK(parse("a: \"null\"\n", "f").find("a")->value == "null");
    CHECK(parse("a: null\n", "f").find("a")->is_null());
    // One leading document marker and a UTF-8 byte-order mark are fine.
    CHECK(parse("---\na: 1\n", "f").find("a")->value == "1");
    CHECK(parse("\xEF\xBB\xBF"
                "a: 1\n",
                "f")
              .find("a")
              ->value == "1");
    CHECK(parse("a: 1\r\nb: 2\r\n", "f").find("b")->value == "2");
}

TEST_CASE("the refusal names the file") {
    try {
        parse("a: 1\na: 2\n", "clients/x/client.yaml");
        FAIL("accepted a duplicate key");
    } catch (const crm::DataError& e) {
        CHECK(std::string(e.what()).starts_with("clients/x/client.yaml:2:1: duplicate key 'a'"));
        CHECK_FALSE(e.hint().empty());
    }
}

TEST_CASE("hostile bytes are refused before parsing") {
    CHECK(refused_at(std::string(crm::yaml::kMaxFileSize + 1, '#'), "0:0",
                     "larger than the 1024 KiB"));
    CHECK(
        refused_at("\xFF\xFE"
                   "a\0:\0",
                   "1:1", "UTF-16"));
    CHECK(refused_at("\xFE\xFF\0a", "1:1", "UTF-16"));
    CHECK(refused_at(std::string("a: b\0c\n", 7), "1:5", "NUL"));
    CHECK(refused_at(std::string("x: 1\n\x7f"
                                 "ELF\0\1",
                                 10),
                     "2:5", "NUL"));
    CHECK(refused_at("a: \x89PNG\x1a\n", "1:4", "UTF-8"));
    CHECK(refused_at("name: Jo\nowner: M\xfcller\n", "2:9", "UTF-8"));
    CHECK(refused_at("name: \xe6\x97\xa5M\xfcller\n", "1:9", "UTF-8"));  // in characters
}

TEST_CASE("text layout problems are refused with their line and column") {
    CHECK(refused_at("a:\n\tb: 1\n", "2:1", "tab used for indentation"));
    CHECK(refused_at("a:\n  \tb: 1\n", "2:3", "tab used for indentation"));
    CHECK(refused_at("name: x\n<<<<<<< HEAD\nstage: a\n=======\nstage: b\n>>>>>>> theirs\n", "2:1",
                     "git conflict marker"));
    CHECK(refused_at("name: x\n=======\n", "2:1", "git conflict marker"));
    CHECK(refused_at("a: 1\n---\nb: 2\n", "2:1", "second YAML document"));
    // `...` ends the one document: comments and blank lines may follow, nothing else.
    CHECK(refusal("a: 1\n...\n") == "accepted");
    CHECK(refusal("a: 1\n... # end\n# more\n\n") == "accepted");
    CHECK(refused_at("a: 1\n...\nb: 2\n", "3:1", "second YAML document"));
    CHECK(refused_at("a: 1\n...\n---\nb: 2\n", "3:1", "second YAML document"));
    CHECK(refused_at("a: 1\n...\n...\n", "3:1", "second YAML document"));
    // A tab inside a value is not indentation.
    CHECK(refusal("a: \"x\ty\"\nb: c\td\n") == "accepted");
}

TEST_CASE("what a record never needs is refused where it stands") {
    CHECK(refused_at("a: &x 1\nb: 2\n", "1:4", "anchors"));
    // An alias needs an anchor, refused first; a dangling one is refused where it stands.
    CHECK(refused_at("a: 1\nb: *x\n", "2:4", ""));
    CHECK(refused_at("base: &b {x: 1}\nc:\n  <<: *b\n", "1:7", "anchors"));
    CHECK(refused_at("a: !!str 1\n", "1:4", "tags"));
    CHECK(refused_at("a: !custom x\n", "1:4", "tags"));
    CHECK(refused_at("a: 1\nb: 2\na: 3\n", "3:1", "duplicate key 'a'"));
    CHECK(refused_at("c:\n  - x: 1\n    x: 2\n", "3:5", "duplicate key 'x'"));
    CHECK(refused_at("? [a, b]\n: 1\n", "1:3", "map key must be plain text"));
    CHECK(refused_at("{a: 1}: 2\n", "1:1", "map key must be plain text"));
}

TEST_CASE("deep nesting is refused") {
    std::string deep;
    for (int i = 0; i < 40; ++i)
        deep += "[";
    for (int i = 0; i < 40; ++i)
        deep += "]";
    CHECK(refused_at(deep, "1:33", "nesting deeper than 32"));
    std::string fine;
    for (int i = 0; i < 20; ++i)
        fine += "[";
    for (int i = 0; i < 20; ++i)
        fine += "]";
    CHECK(refusal(fine) == "accepted");
}

TEST_CASE("an unclosed quote that would swallow the next keys is refused") {
    CHECK(refused_at("name: \"Acme\nstage: lead\ntier: \"A\"\n", "1:7",
                     "swallows the key on line 2"));
    CHECK(refused_at("name: 'Acme\nstage: lead\ntier: 'A'\n", "1:7", "swallows the key on line 2"));
    // A quoted value a person folded over two lines on purpose is fine.
    CHECK(parse("a: \"one\n  two\"\n", "f").find("a")->value == "one two");
}

TEST_CASE("broken YAML is refused with yaml-cpp's position") {
    CHECK(refused_at("a: [1, 2\n", "2:1", "invalid YAML"));
    CHECK(refused_at("a: \"unterminated\n", "1:4", "never closed"));
    CHECK(refused_at("a: 'unterminated\n", "1:4", "never closed"));
    CHECK(refused_at("a: b: c\n", "1:5", "invalid YAML"));
    CHECK(refused_at("- a\nb: c\n", "2:1", "does not belong"));
    refusal(",");  // must return: yaml-cpp once looped forever on this
}

TEST_CASE("precheck lists every kind of problem for crm check") {
    auto problems = crm::yaml::precheck("a:\n\tb: 1\n<<<<<<< HEAD\n", "f.yaml");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where().line == 2);
    CHECK(problems[1].where().line == 3);
    CHECK(crm::yaml::precheck("a: 1\n", "f.yaml").empty());
}
