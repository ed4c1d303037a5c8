#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/yaml/tree.hpp"
#include "crm/yaml/write.hpp"

using crm::yaml::double_quoted;
using crm::yaml::plain_safe;
using crm::yaml::Writer;

namespace {

// The spec's list of text a user may type, and more of the same kind.
const std::vector<std::string> kTricky = {
    "He said \"hi\"",
    "'single'",
    "it's",
    "a: b",
    "a:b",
    "key:",
    ": x",
    "# not a comment",
    "a #b",
    "a#b",
    "- item",
    "-",
    "---",
    "...",
    "--- x",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "NO",
    "True",
    "false",
    "null",
    "Null",
    "~",
    "017",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "12:30",
    "190:20:30",
    "1e3",
    "1.5",
    ".5",
    "-1",
    "+1",
    ".inf",
    "-.inf",
    ".NaN",
    "2026-01-01",
    "2026-01-01 10:00:00",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "line one\nline two",
    "trailing newline\n",
    "\nleading newline",
    "two\n\nparagraphs\n",
    "ends\n\n",
    "tab\there",
    "\ttab first",
    "cr\rhere",
    "crlf\r\nline",
    " leading space",
    "trailing space ",
    "emoji 😀🎉",
    "שלום עולם",
    "مرحبا بالعالم",
    "mixed עברית and English",
    "\u200fRLM first",
    "bell\a",
    "nel\u0085x",
    "ls\u2028x",
    "bom\ufeffx",
    "nbsp\u00a0x",
    "back\\slash",
    "\\",
    "\"",
    "[flow]",
    "{map}",
    "a, b",
    "a,b",
    "*star",
    "&amp",
    "!bang",
    "|pipe",
    ">gt",
    "%pct",
    "@at",
    "`tick",
    "?q",
    "? q",
    "Müller & Söhne GmbH",
    "日本",
    "!!!",
    "",
    " ",
    "  \n  ",
    "x:\n  y: z",
    "multi\n  indented\n    lines",
    "line with trailing space \nnext",
};

std::string read_back_field(const std::string& value) {
    Writer w;
    w.field("k", value, true);
    crm::yaml::Node root = crm::yaml::parse(w.str(), "f");
    const crm::yaml::Node* n = root.find("k");
    REQUIRE(n);
    return n->value;
}

std::string read_back_text(const std::string& value) {
    Writer w;
    w.text("k", value);
    w.field("after", "still here");
    crm::yaml::Node root = crm::yaml::parse(w.str(), "f");
    REQUIRE(root.find("after"));
    CHECK(root.find("after")->value == "still here");
    const crm::yaml::Node* n = root.find("k");
    return n ? n->value : std::string("(absent)");
}

}  // namespace

TEST_CASE("plain_safe allows ordinary words and refuses what a parser could misread") {
    for (const char* ok :
         {"Acme", "Acme Engineering Pty Ltd", "a:b", "a#b", "Müller", "日本", "emoji 😀",
          "12 apples", "O'Brien", "say \"hi\" now", "jane@x.example", "Level 3, 12 Smith St"}) {
        std::string text = ok;
        CAPTURE(text);
        CHECK(plain_safe(text));
    }
    for (const std::string& s : kTricky) {
        bool plain = plain_safe(s);
        CAPTURE(s);
        if (s == "He said \"hi\"" || s == "it's" || s == "a:b" || s == "a#b" || s == "emoji 😀🎉" ||
            s == "שלום עולם" || s == "مرحبا بالعالم" || s == "mixed עברית and English" ||
            s == "back\\slash" || s == "a, b" || s == "a,b" || s == "Müller & Söhne GmbH" ||
            s == "日本" || s == "!!!" || s == "\\") {
            continue;  // fine either way; the round trip below decides
        }
        CHECK_FALSE(plain);
    }
    CHECK_FALSE(plain_safe("a, b", true));
    CHECK_FALSE(plain_safe("[x]", true));
    CHECK_FALSE(plain_safe("a:b", true));
    CHECK(plain_safe("ab", true));
}

TEST_CASE("double_quoted escapes quotes, backslashes and control characters") {
    CHECK(double_quoted("plain") == "\"plain\"");
    CHECK(double_quoted("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(double_quoted("a\\b") == "\"a\\\\b\"");
    CHECK(double_quoted("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
    CHECK(double_quoted("\a") == "\"\\x07\"");
    CHECK(double_quoted("\x7f") == "\"\\x7F\"");
    CHECK(double_quoted("\u0085") == "\"\\x85\"");
    CHECK(double_quoted("\u2028") == "\"\\u2028\"");
    CHECK(double_quoted("\ufeff") == "\"\\uFEFF\"");
    CHECK(double_quoted("\u200f") == "\"\\u200F\"");
    CHECK(double_quoted("日本 😀") == "\"日本 😀\"");
    CHECK(crm::yaml::scalar("yes") == "\"yes\"");
    CHECK(crm::yaml::scalar("Acme") == "Acme");
}

TEST_CASE("every tricky value reads back exactly, as a field and as text") {
    for (const std::string& s : kTricky) {
        CAPTURE(s);
        CHECK(read_back_field(s) == s);
        if (!s.empty())
            CHECK(read_back_text(s) == s);
    }
}

TEST_CASE("lists read back exactly, flow or block") {
    Writer w;
    w.list("short", {"civil", "government"});
    w.list("tricky", kTricky);
    w.list("empty", {});
    CHECK(w.str().starts_with("short: [civil, government]\ntricky:\n  - "));
    crm::yaml::Node root = crm::yaml::parse(w.str(), "f");
    CHECK(root.find("empty") == nullptr);
    const crm::yaml::Node* t = root.find("tricky");
    REQUIRE(t);
    REQUIRE(t->items.size() == kTricky.size());
    for (std::size_t i = 0; i < kTricky.size(); ++i) {
        CAPTURE(kTricky[i]);
        CHECK(t->items[i].value == kTricky[i]);
    }
}

TEST_CASE("the writer lays out nested maps and lists of maps as the spec shows") {
    Writer w;
    w.field("name", "Acme").raw("since", "2026-03-02");
    w.open_list("contacts");
    w.item().field("name", "Jane Doe").field("role", "Director");
    w.item().field("name", "no");
    w.close();
    w.open("ratings").raw("potential", "4").close();
    w.text("notes", "Free text.\nSecond line.\n");
    w.field("empty", "");
    w.field("kept", "", true);
    CHECK(w.str() ==
          "name: Acme\n"
          "since: 2026-03-02\n"
          "contacts:\n"
          "  - name: Jane Doe\n"
          "    role: Director\n"
          "  - name: \"no\"\n"
          "ratings:\n"
          "  potential: 4\n"
          "notes: |\n"
          "  Free text.\n"
          "  Second line.\n"
          "kept: \"\"\n");
    CHECK(w.str().ends_with("\n"));
}
