#include "crm/yaml/lines.hpp"

#include <doctest/doctest.h>

#include "crm/util/error.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/tree.hpp"

using namespace crm;
using namespace crm::yaml;

TEST_CASE("Lines keep each line's own ending and join back byte for byte") {
    for (const char* text : {"", "\n", "a", "a\nb", "a\r\nb\r\n", "a\nb\r\nc", "\r\n\r\n", "a\r"}) {
        CAPTURE(text);
        CHECK(Lines(text).join() == text);
    }
    Lines l("a\r\nb\nc");
    REQUIRE(l.size() == 3);
    CHECK(l.text(0) == "a");
    CHECK(l.ending(0) == "\r\n");
    CHECK(l.ending(1) == "\n");
    CHECK(l.ending(2) == "");
    CHECK(l.eol() == "\r\n");
    CHECK(Lines("a").eol() == "\n");
    CHECK_THROWS_AS(l.text(3), std::out_of_range);
}

TEST_CASE("new lines take the file's ending; a missing final newline stays missing") {
    Lines crlf("a\r\nb\r\n");
    crlf.insert(1, "x");
    crlf.insert(crlf.size(), "z");
    CHECK(crlf.join() == "a\r\nx\r\nb\r\nz\r\n");

    Lines open("a\r\nb");
    open.insert(open.size(), "c");
    CHECK(open.join() == "a\r\nb\r\nc");
    open.end_with_newline();
    CHECK(open.join() == "a\r\nb\r\nc\r\n");

    Lines empty("");
    empty.insert(0, "k: v");
    CHECK(empty.join() == "k: v\n");

    Lines some("a\nb\nc\n");
    some.erase(0, 1);
    CHECK(some.join() == "c\n");
    CHECK_THROWS_AS(some.erase(0, 1), std::out_of_range);
}

TEST_CASE("indentation, comments and the block a line starts") {
    const std::string text =
        "contacts:\n"            // 0
        "  - name: Jane\n"       // 1
        "    # her assistant\n"  // 2
        "    notes: |\n"         // 3
        "      one\n"            // 4
        "\n"                     // 5
        "      # two\n"          // 6
        "    email: j@x\n"       // 7
        "\n"                     // 8
        "  # Bob since 2024\n"   // 9
        "  - Bob\n"              // 10
        "next: 1\n";             // 11
    Lines l(text);
    CHECK(l.indent(0) == 0u);
    CHECK(l.indent(2) == 4u);
    CHECK_FALSE(l.indent(5));
    CHECK(l.is_comment(2));
    CHECK_FALSE(l.is_comment(3));
    CHECK(l.block_end(0, 0) == 10);
    CHECK(l.block_end(1, 2) == 7);  // trailing blank line not in; stops at the comment at 2
    CHECK(l.block_end(3, 4) == 6);
    CHECK(l.block_end(10, 2) == 10);

    Node root = parse(text, "f");
    const Node& contacts = *root.find("contacts");
    Lines::Span e = l.entry_span(contacts.items[0].entries[1].first);
    CHECK(e.first == 3);
    CHECK(e.last == 6);
    auto jane = l.item_of(contacts.items[0]);
    REQUIRE(jane);
    CHECK(jane->span.first == 1);
    CHECK(jane->span.last == 7);
    CHECK(jane->dash == 2);
    CHECK(jane->value == 4);
    auto bob = l.item_of(contacts.items[1]);
    REQUIRE(bob);
    CHECK(bob->span.first == 10);
    CHECK(bob->span.last == 10);
}

TEST_CASE("an item not written `- value` on its own line has no item lines") {
    Lines l("a:\n  -\n    k: v\n  - - x\nb: [c]\n");
    Node root = parse(l.join(), "f");
    CHECK_FALSE(l.item_of(root.find("a")->items[0]));           // value below its dash
    CHECK_FALSE(l.item_of(root.find("a")->items[1].items[0]));  // `- - x`
    CHECK_FALSE(l.item_of(root.find("b")->items[0]));           // flow
}

TEST_CASE("marks map to lines and columns, past a byte-order mark") {
    const std::string text = "\xEF\xBB\xBFname: A\ntier: B\n";
    Lines l(text);
    Node root = parse(text, "f");
    const Node& name = *root.find("name");
    CHECK(l.line_of(name.mark) == 0);
    CHECK(l.text(0).substr(l.column_of(name.mark)) == "A");
    CHECK(l.char_at(name.mark) == 'A');
    CHECK(l.char_at(Mark{9, 1}) == '\0');
    CHECK_THROWS_AS(l.line_of(Mark{9, 1}), std::out_of_range);
}

TEST_CASE("same_tree ignores positions and how nulls are written, not bareness") {
    auto same = [](const char* a, const char* b) {
        return same_tree(parse(a, "a"), parse(b, "b"));
    };
    CHECK(same("a: 1\nb: [x]\n", "a:   1   # c\nb:\n  - x\n"));
    CHECK(same("a:\n", "a: ~\n"));
    CHECK(same("a: 'x'\n", "a: \"x\"\n"));
    CHECK_FALSE(same("a: yes\n", "a: 'yes'\n"));  // a boolean to YAML 1.1 readers
    CHECK_FALSE(same("'a': 1\n", "a: 1\n"));      // keys too
    CHECK_FALSE(same("a: 1\nb: 2\n", "b: 2\na: 1\n"));
    CHECK_FALSE(same("a: ''\n", "a:\n"));
    CHECK_FALSE(same("a: [x]\n", "a: {x: }\n"));
}

TEST_CASE("check_edit refuses a text that does not parse or means another tree") {
    Node want = parse("a: 1\n", "f");
    CHECK_NOTHROW(check_edit("a:  1\n", "f", want));
    CHECK_THROWS_AS(check_edit("a: 2\n", "f", want), Refusal);
    CHECK_THROWS_AS(check_edit("a: '1\n", "f", want), Refusal);
    CHECK(written_scalar("\"yes\"", "yes").plain == false);
    CHECK(written_scalar("2026-11-23", "2026-11-23").plain);
}
