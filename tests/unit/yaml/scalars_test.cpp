#include "crm/yaml/scalars.hpp"

#include <doctest/doctest.h>

using crm::yaml::quick_scalars;
using crm::yaml::Scalar;

namespace {

// Whitespace runs as one space: the folding rules of `>` and of quoted line breaks
// differ in what they keep, search does not look at it.
std::string collapsed(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (out.empty() || out.back() == ' '))
            continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::vector<std::string> texts(const std::vector<Scalar>& values) {
    std::vector<std::string> out;
    for (const auto& v : values)
        out.push_back(collapsed(v.text));
    return out;
}

// The quick reader must read exactly what the parser reads, or decline.
void agrees(std::string_view doc) {
    CAPTURE(doc);
    auto quick = quick_scalars(doc);
    REQUIRE(quick);
    CHECK(texts(*quick) == texts(crm::yaml::scalars_of(crm::yaml::parse(doc, "t.yaml"))));
}

}  // namespace

TEST_CASE("quick_scalars reads what the parser reads") {
    agrees("name: Acme\nstage: client\n");
    agrees("name: \"\\\"Le Nord\\\"\"\nowner: 'it''s me'\n");
    agrees("notes: a plain value\n  that goes on\n\n  after a blank line\nnext: x\n");
    agrees("notes: |\n  literal\n    deeper\n\n  last\nafter: y\n");
    agrees("notes: >-\n  folded\n  text\n# comment\nafter: y # trailing comment\n");
    agrees("tags: [a, \"b, c\", 'd']\nratings: {potential: 3, compatibility: 4}\n");
    agrees("with: [Jane Smith,\n  Bob Jones]\nempty: []\nmap: {}\nnothing:\ntilde: ~\n");
    agrees("contacts:\n  - name: Jane\n    role: Director\n  - name: Bob\n    phone: \"+61 2\"\n");
    agrees("list:\n- one\n- two: 2\n  three: 3\n- - nested\n  - again\n");
    agrees("key:\n  value on the next line\n  and on\nother: \"quoted over\n  two lines\"\n");
    agrees("\"quoted key\": v\n'single': w\nurl: http://example.com/a:b\n");
    agrees("esc: \"tab\\there \\u00fc\\x41 \\\\ end\"\nk: \"broken \\\n  escaped\"\n");
    agrees("m: {lone key, k: v, other: }\nn: [{a: b}, c]\n");
    agrees("a: [x, [y, {z: w}], {q: [1, 2]}]\nb: 'a # not a comment'\nc: a#b\n");
    agrees("\xEF\xBB\xBFname: bom\r\nnotes: crlf\r\n");
}

TEST_CASE("quick_scalars declines what it does not know") {
    for (std::string_view doc :
         {"a: &x 1\nb: *x\n", "--- \na: 1\n", "a: !tag 1\n", "? a\n: b\n", "notes: [unclosed\n",
          "text without a key\n", "a: 1\n\tb: 2\n", "a: b: c\n", "a: |2\n   x\n",
          "<<<<<<< HEAD\na: 1\n", "a: \"unclosed\n", "a: \"x\"\n  b\n"}) {
        CAPTURE(doc);
        CHECK_FALSE(quick_scalars(doc));
    }
}

TEST_CASE("quick_scalars names the line of every part of a value") {
    auto values = quick_scalars(
        "name: X\nnotes: |\n  first\n  second\nwhy: plain\n  folded\nq: \"one\n\n  two\"\n");
    REQUIRE(values);
    REQUIRE(values->size() == 4);
    const Scalar& notes = (*values)[1];
    CHECK(notes.line_at(0) == 3);
    CHECK(notes.line_at(notes.text.find("second")) == 4);
    const Scalar& why = (*values)[2];
    CHECK(why.text == "plain folded");
    CHECK(why.line_at(0) == 5);
    CHECK(why.line_at(why.text.find("folded")) == 6);
    const Scalar& q = (*values)[3];
    CHECK(q.text == "one\ntwo");
    CHECK(q.line_at(q.text.find("two")) == 9);
}
