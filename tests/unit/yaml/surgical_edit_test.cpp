#include <doctest/doctest.h>

#include "crm/util/error.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/list_edit.hpp"
#include "crm/yaml/tree.hpp"

using namespace crm;
using namespace crm::yaml;

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

TEST_CASE("yaml::set_key replaces one value and keeps every other byte") {
    std::string out = yaml::set_key(kHand, kFile, "tier", yaml::EditValue::text("B"));
    std::string want = kHand;
    want.replace(want.find("tier: A"), 7, "tier: B");
    CHECK(out == want);
}

TEST_CASE("yaml::set_key keeps a quoted key's trailing comment and quotes what needs it") {
    std::string out = yaml::set_key(kHand, kFile, "name", yaml::EditValue::text("yes"));
    CHECK(out.find("name: \"yes\"   # legal name\n") != std::string::npos);
    CHECK(out.find("# Acme: our oldest client.\n") == 0);
}

TEST_CASE("yaml::set_key appends a missing key at the end") {
    std::string out =
        yaml::set_key(kHand, kFile, "stage_since", yaml::EditValue::raw("2026-11-23"));
    CHECK(out == kHand + "stage_since: 2026-11-23\n");
}

TEST_CASE("yaml::set_key replaces a block scalar with its lines and keeps the next key") {
    std::string out = yaml::set_key(kHand, kFile, "notes", yaml::EditValue::text("short"));
    CHECK(out.find("notes: short\ncustom: \"kept\"\n") != std::string::npos);
    CHECK(out.find("Free text") == std::string::npos);
}

TEST_CASE("yaml::set_key on an empty value and on a file without final newline") {
    CHECK(yaml::set_key("name: A\nowner:\nstage: lead", kFile, "owner",
                        yaml::EditValue::text("Bob")) == "name: A\nowner: Bob\nstage: lead\n");
    CHECK(yaml::set_key("name: A\nowner:   # who\n", kFile, "owner",
                        yaml::EditValue::text("Bob")) == "name: A\nowner: Bob   # who\n");
}

TEST_CASE("yaml::set_key replaces a value written on the lines below its key") {
    CHECK(yaml::set_key("name:\n  Acme\n  Eng  # c\n# keep\ntier: A\n", kFile, "name",
                        yaml::EditValue::text("B")) == "name: B\n# keep\ntier: A\n");
}

TEST_CASE("yaml::set_key keeps CRLF line endings") {
    CHECK(yaml::set_key("name: A\r\ntier: A\r\n", kFile, "tier", yaml::EditValue::text("B")) ==
          "name: A\r\ntier: B\r\n");
    CHECK(yaml::set_key("name: A\r\n", kFile, "tier", yaml::EditValue::text("B")) ==
          "name: A\r\ntier: B\r\n");
}

TEST_CASE("yaml::set_key refuses a list value and a flow root") {
    CHECK_THROWS_AS(
        yaml::set_key("name: A\ntier: [a]\n", kFile, "tier", yaml::EditValue::text("B")),
        RuntimeError);
    CHECK_THROWS_AS(
        yaml::set_key("{name: A, tier: B}\n", kFile, "tier", yaml::EditValue::text("C")),
        RuntimeError);
}

TEST_CASE("yaml::set_key after multibyte text on earlier lines") {
    std::string in = "name: Müller & Söhne — 日本\ntier: A # ü\n";
    CHECK(yaml::set_key(in, kFile, "tier", yaml::EditValue::text("C")) ==
          "name: Müller & Söhne — 日本\ntier: C # ü\n");
}

TEST_CASE("yaml::set_nested_key in a flow map: replace and add") {
    std::string out =
        yaml::set_nested_key(kHand, kFile, "ratings", "potential", yaml::EditValue::raw("2"));
    CHECK(out.find("ratings: {potential: 2, compatibility: 5}\n") != std::string::npos);
    out = yaml::set_nested_key(kHand, kFile, "ratings", "profitability", yaml::EditValue::raw("3"));
    CHECK(out.find("ratings: {potential: 4, compatibility: 5, profitability: 3}\n") !=
          std::string::npos);
    CHECK(yaml::set_nested_key("name: A\nratings: {}\n", kFile, "ratings", "potential",
                               yaml::EditValue::raw("1")) == "name: A\nratings: {potential: 1}\n");
}

TEST_CASE("yaml::set_nested_key in a block map, and when absent or empty") {
    std::string in = "name: A\nratings:\n  potential: 4  # hm\n  compatibility: 2\nnotes: x\n";
    CHECK(yaml::set_nested_key(in, kFile, "ratings", "potential", yaml::EditValue::raw("5")) ==
          "name: A\nratings:\n  potential: 5  # hm\n  compatibility: 2\nnotes: x\n");
    CHECK(yaml::set_nested_key(in, kFile, "ratings", "profitability", yaml::EditValue::raw("3")) ==
          "name: A\nratings:\n  potential: 4  # hm\n  compatibility: 2\n  profitability: 3\n"
          "notes: x\n");
    CHECK(yaml::set_nested_key("name: A\n", kFile, "ratings", "potential",
                               yaml::EditValue::raw("3")) == "name: A\nratings: {potential: 3}\n");
    CHECK(yaml::set_nested_key("name: A\nratings:\n", kFile, "ratings", "potential",
                               yaml::EditValue::raw("3")) == "name: A\nratings: {potential: 3}\n");
}

TEST_CASE("yaml::add_list_item to block, flow, empty, scalar and absent lists") {
    std::string out = yaml::add_list_item(kHand, kFile, "watchers", "Alice Smith");
    CHECK(out.find("  - Bob Jones   # asked to be told\n  - Alice Smith\n# trailing") !=
          std::string::npos);
    CHECK(yaml::add_list_item("w: [a, \"b\"]  # c\n", kFile, "w", "x, y") ==
          "w: [a, \"b\", \"x, y\"]  # c\n");
    CHECK(yaml::add_list_item("w: []\n", kFile, "w", "a") == "w: [a]\n");
    CHECK(yaml::add_list_item("w: Bob\n", kFile, "w", "a") == "w: [Bob, a]\n");
    CHECK(yaml::add_list_item("n: 1\n", kFile, "w", "no") == "n: 1\nw: [\"no\"]\n");
    CHECK(yaml::add_list_item("w:\n", kFile, "w", "a") == "w: [a]\n");
}

TEST_CASE("yaml::remove_list_item from block and flow lists") {
    std::string out = yaml::remove_list_item(kHand, kFile, "watchers", "Bob Jones");
    CHECK(out.find("watchers: []\n# trailing comment\n") != std::string::npos);
    CHECK(yaml::remove_list_item("w: [a, b, c]\n", kFile, "w", "a") == "w: [b, c]\n");
    CHECK(yaml::remove_list_item("w: [a, b, c]\n", kFile, "w", "b") == "w: [a, c]\n");
    CHECK(yaml::remove_list_item("w: [a, b, c]\n", kFile, "w", "c") == "w: [a, b]\n");
    CHECK(yaml::remove_list_item("w: [ a ]\n", kFile, "w", "a") == "w: []\n");
    CHECK(yaml::remove_list_item("w:\n  - a\n  # c\n  - b\n", kFile, "w", "b") ==
          "w:\n  - a\n  # c\n");
    CHECK(yaml::remove_list_item("w: [a, b, a]\n", kFile, "w", "a") == "w: [b]\n");
    CHECK(yaml::remove_list_item("w: [a]\n", kFile, "w", "z") == "w: [a]\n");
}

TEST_CASE("a broken file is a DataError, untouched") {
    CHECK_THROWS_AS(yaml::set_key("name: 'A\ntier: B\n", kFile, "tier", yaml::EditValue::text("C")),
                    DataError);
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
                    out = yaml::set_key(text, kFile, "tier", yaml::EditValue::text("A"));
                    break;
                case 1:
                    out = yaml::set_nested_key(text, kFile, "ratings", "potential",
                                               yaml::EditValue::raw("4"));
                    break;
                case 2:
                    out = yaml::add_list_item(text, kFile, "watchers", "Alice");
                    break;
                default:
                    out = yaml::remove_list_item(text, kFile, "watchers", "Bob");
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

TEST_CASE("a file that ends its document with ... gets new keys and items before it") {
    const std::string text = "name: Acme\ntier: B\n...\n# the end\n";
    CHECK(set_key(text, kFile, "mood", EditValue::text("good")) ==
          "name: Acme\ntier: B\nmood: good\n...\n# the end\n");
    CHECK(set_key(text, kFile, "tier", EditValue::text("A")) ==
          "name: Acme\ntier: A\n...\n# the end\n");
    CHECK(add_list_item(text, kFile, "tags", "civil") ==
          "name: Acme\ntier: B\ntags: [civil]\n...\n# the end\n");
}
