#include "crm/store/surgical_edit.hpp"

#include <doctest/doctest.h>

#include "crm/domain/error.hpp"

using namespace crm;
using namespace crm::store;

namespace {

const std::string kFile = "clients/acme/client.yaml";

const std::string kHand = R"(# Acme: our oldest client.
name: 'Acme Engineering'   # legal name
stage: client

tier: A  # reviewed in June
ratings: {potential: 4, compatibility: 5}
watchers:
  - Bob Jones   # asked to be told
# trailing comment
notes: |
  Free text
  # not a comment
custom: "kept"
)";

}  // namespace

TEST_CASE("set_key replaces one value and keeps every other byte") {
    std::string out = set_key(kHand, kFile, "tier", EditValue::text("B"));
    std::string want = kHand;
    want.replace(want.find("tier: A"), 7, "tier: B");
    CHECK(out == want);
}

TEST_CASE("set_key keeps a quoted key's trailing comment and quotes what needs it") {
    std::string out = set_key(kHand, kFile, "name", EditValue::text("yes"));
    CHECK(out.find("name: \"yes\"   # legal name\n") != std::string::npos);
    CHECK(out.find("# Acme: our oldest client.\n") == 0);
}

TEST_CASE("set_key appends a missing key at the end") {
    std::string out = set_key(kHand, kFile, "stage_since", EditValue::raw("2026-11-23"));
    CHECK(out == kHand + "stage_since: 2026-11-23\n");
}

TEST_CASE("set_key replaces a block scalar with its lines and keeps the next key") {
    std::string out = set_key(kHand, kFile, "notes", EditValue::text("short"));
    CHECK(out.find("notes: short\ncustom: \"kept\"\n") != std::string::npos);
    CHECK(out.find("Free text") == std::string::npos);
}

TEST_CASE("set_key on an empty value and on a file without final newline") {
    CHECK(set_key("name: A\nowner:\nstage: lead", kFile, "owner", EditValue::text("Bob")) ==
          "name: A\nowner: Bob\nstage: lead\n");
    CHECK(set_key("name: A\nowner:   # who\n", kFile, "owner", EditValue::text("Bob")) ==
          "name: A\nowner: Bob   # who\n");
}

TEST_CASE("set_key replaces a value written on the lines below its key") {
    CHECK(set_key("name:\n  Acme\n  Eng  # c\n# keep\ntier: A\n", kFile, "name",
                  EditValue::text("B")) == "name: B\n# keep\ntier: A\n");
}

TEST_CASE("set_key keeps CRLF line endings") {
    CHECK(set_key("name: A\r\ntier: A\r\n", kFile, "tier", EditValue::text("B")) ==
          "name: A\r\ntier: B\r\n");
    CHECK(set_key("name: A\r\n", kFile, "tier", EditValue::text("B")) == "name: A\r\ntier: B\r\n");
}

TEST_CASE("set_key refuses a list value and a flow root") {
    CHECK_THROWS_AS(set_key("name: A\ntier: [a]\n", kFile, "tier", EditValue::text("B")),
                    RuntimeError);
    CHECK_THROWS_AS(set_key("{name: A, tier: B}\n", kFile, "tier", EditValue::text("C")),
                    RuntimeError);
}

TEST_CASE("set_key after multibyte text on earlier lines") {
    std::string in = "name: Müller & Söhne — 日本\ntier: A # ü\n";
    CHECK(set_key(in, kFile, "tier", EditValue::text("C")) ==
          "name: Müller & Söhne — 日本\ntier: C # ü\n");
}

TEST_CASE("set_nested_key in a flow map: replace and add") {
    std::string out = set_nested_key(kHand, kFile, "ratings", "potential", EditValue::raw("2"));
    CHECK(out.find("ratings: {potential: 2, compatibility: 5}\n") != std::string::npos);
    out = set_nested_key(kHand, kFile, "ratings", "profitability", EditValue::raw("3"));
    CHECK(out.find("ratings: {potential: 4, compatibility: 5, profitability: 3}\n") !=
          std::string::npos);
    CHECK(set_nested_key("name: A\nratings: {}\n", kFile, "ratings", "potential",
                         EditValue::raw("1")) == "name: A\nratings: {potential: 1}\n");
}

TEST_CASE("set_nested_key in a block map, and when absent or empty") {
    std::string in = "name: A\nratings:\n  potential: 4  # hm\n  compatibility: 2\nnotes: x\n";
    CHECK(set_nested_key(in, kFile, "ratings", "potential", EditValue::raw("5")) ==
          "name: A\nratings:\n  potential: 5  # hm\n  compatibility: 2\nnotes: x\n");
    CHECK(set_nested_key(in, kFile, "ratings", "profitability", EditValue::raw("3")) ==
          "name: A\nratings:\n  potential: 4  # hm\n  compatibility: 2\n  profitability: 3\n"
          "notes: x\n");
    CHECK(set_nested_key("name: A\n", kFile, "ratings", "potential", EditValue::raw("3")) ==
          "name: A\nratings: {potential: 3}\n");
    CHECK(set_nested_key("name: A\nratings:\n", kFile, "ratings", "potential",
                         EditValue::raw("3")) == "name: A\nratings: {potential: 3}\n");
}

TEST_CASE("add_list_item to block, flow, empty, scalar and absent lists") {
    std::string out = add_list_item(kHand, kFile, "watchers", "Alice Smith");
    CHECK(out.find("  - Bob Jones   # asked to be told\n  - Alice Smith\n# trailing") !=
          std::string::npos);
    CHECK(add_list_item("w: [a, \"b\"]  # c\n", kFile, "w", "x, y") ==
          "w: [a, \"b\", \"x, y\"]  # c\n");
    CHECK(add_list_item("w: []\n", kFile, "w", "a") == "w: [a]\n");
    CHECK(add_list_item("w: Bob\n", kFile, "w", "a") == "w: [Bob, a]\n");
    CHECK(add_list_item("n: 1\n", kFile, "w", "no") == "n: 1\nw: [\"no\"]\n");
    CHECK(add_list_item("w:\n", kFile, "w", "a") == "w: [a]\n");
}

TEST_CASE("remove_list_item from block and flow lists") {
    std::string out = remove_list_item(kHand, kFile, "watchers", "Bob Jones");
    CHECK(out.find("watchers: []\n# trailing comment\n") != std::string::npos);
    CHECK(remove_list_item("w: [a, b, c]\n", kFile, "w", "a") == "w: [b, c]\n");
    CHECK(remove_list_item("w: [a, b, c]\n", kFile, "w", "b") == "w: [a, c]\n");
    CHECK(remove_list_item("w: [a, b, c]\n", kFile, "w", "c") == "w: [a, b]\n");
    CHECK(remove_list_item("w: [ a ]\n", kFile, "w", "a") == "w: []\n");
    CHECK(remove_list_item("w:\n  - a\n  # c\n  - b\n", kFile, "w", "b") == "w:\n  - a\n  # c\n");
    CHECK(remove_list_item("w: [a, b, a]\n", kFile, "w", "a") == "w: [b]\n");
    CHECK(remove_list_item("w: [a]\n", kFile, "w", "z") == "w: [a]\n");
}

TEST_CASE("a broken file is a DataError, untouched") {
    CHECK_THROWS_AS(set_key("name: 'A\ntier: B\n", kFile, "tier", EditValue::text("C")), DataError);
}

namespace {

// What the fuzz target checks: an edit throws, or gives text that parses.
void edit_is_safe(const std::string& text) {
    try {
        (void)crm::yaml::parse(text, kFile);
    } catch (const DataError&) {
        return;
    }
    for (int op = 0; op < 4; ++op) {
        std::string out;
        try {
            switch (op) {
                case 0:
                    out = set_key(text, kFile, "tier", EditValue::text("A"));
                    break;
                case 1:
                    out = set_nested_key(text, kFile, "ratings", "potential", EditValue::raw("4"));
                    break;
                case 2:
                    out = add_list_item(text, kFile, "watchers", "Alice");
                    break;
                default:
                    out = remove_list_item(text, kFile, "watchers", "Bob");
            }
        } catch (const Error&) {
            continue;
        }
        CAPTURE(op);
        CHECK_NOTHROW((void)crm::yaml::parse(out, kFile));
        if (out != text)
            CHECK(out.ends_with('\n'));
    }
}

}  // namespace

TEST_CASE("fuzz regressions") {
    edit_is_safe(",");
    edit_is_safe("watcers: BoB\noB");
}
