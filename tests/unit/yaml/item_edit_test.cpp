#include "crm/yaml/item_edit.hpp"

#include <doctest/doctest.h>

#include "crm/util/error.hpp"
#include "crm/yaml/tree.hpp"

using namespace crm;
using namespace crm::yaml;

namespace {

const std::string kFile = "clients/acme/client.yaml";

const std::string kClient =
    "name: Acme   # legal name\n"
    "contacts:\n"
    "  # the people we talk to\n"
    "  - name: Jane Doe\n"
    "    # via her assistant\n"
    "    email: jane@acme.example  # work\n"
    "    address:\n"
    "      city: Perth\n"
    "      # postcode unknown\n"
    "\n"
    "  # Bob since 2024\n"
    "  - name: Bob\n"
    "    role: 'CEO'\n"
    "  - Carol\n"
    "tier: A\n";

using Pairs = std::vector<std::pair<std::string, EditValue>>;

std::string set(const std::string& text, std::size_t i, const char* key, const std::string& v) {
    return set_item_key(text, kFile, "contacts", i, key, EditValue::text(v));
}

// What the edited file reads back as, for item `i` of contacts and key `key`.
std::string read_back(const std::string& text, std::size_t i, const char* key) {
    const Node root = parse(text, kFile);
    const Node* n = root.find("contacts")->items.at(i).find(key);
    REQUIRE(n);
    return n->value;
}

}  // namespace

TEST_CASE("set_item_key replaces a value in place, keeping its comment and every other byte") {
    std::string want = kClient;
    want.replace(want.find("jane@acme.example"), 17, "jd@acme.example");
    CHECK(set(kClient, 0, "email", "jd@acme.example") == want);
    want = kClient;
    want.replace(want.find("'CEO'"), 5, "Chair");
    CHECK(set(kClient, 1, "role", "Chair") == want);
}

TEST_CASE("set_item_key adds a key after the item's last entry, past a nested map") {
    std::string want = kClient;
    want.insert(want.find("\n\n  # Bob") + 1, "    phone: \"+61 8 5550 0000\"\n");
    CHECK(set(kClient, 0, "phone", "+61 8 5550 0000") == want);
    want = kClient;
    want.insert(want.find("  - Carol"), "    phone: \"5550\"\n");
    CHECK(set(kClient, 1, "phone", "5550") == want);
}

TEST_CASE("set_item_key replaces a multi-line value and keeps the next key") {
    CHECK(set("contacts:\n  - name: J\n    notes: |\n      a\n\n      # b\n    role: x\n", 0,
              "notes", "short") == "contacts:\n  - name: J\n    notes: short\n    role: x\n");
}

TEST_CASE("set_item_key in CRLF files, unindented lists and files without a final newline") {
    CHECK(set("contacts:\r\n  - name: J\r\n    role: x\r\n", 0, "role", "CEO") ==
          "contacts:\r\n  - name: J\r\n    role: CEO\r\n");
    CHECK(set("contacts:\r\n  - name: J\r\n", 0, "role", "CEO") ==
          "contacts:\r\n  - name: J\r\n    role: CEO\r\n");
    CHECK(set("contacts:\n- name: J\nnext: 1", 0, "role", "CEO") ==
          "contacts:\n- name: J\n  role: CEO\nnext: 1\n");
    CHECK(set("contacts:\n  - name: J", 0, "role", "CEO") ==
          "contacts:\n  - name: J\n    role: CEO\n");
}

TEST_CASE("set_item_key writes a hostile value that reads back exactly") {
    for (const std::string v :
         {"it's \"quoted\"", "a # not a comment", "key: value", "two\nlines", "yes",
          "- leading dash", "~", "017", " padded ", "[x]", "", "2026-11-23", "@at", "tab\there"}) {
        CAPTURE(v);
        std::string out = set(kClient, 1, "role", v);
        CHECK(read_back(out, 1, "role") == v);
        out = set(kClient, 1, "note", v);
        CHECK(read_back(out, 1, "note") == v);
    }
    CHECK(set(kClient, 1, "role", "yes").find("    role: \"yes\"\n") != std::string::npos);
}

TEST_CASE("set_item_key counts items as records are read: empty entries are skipped") {
    CHECK(set("contacts:\n  -\n  - Plain\n  - name: Third\n", 1, "role", "x") ==
          "contacts:\n  -\n  - Plain\n  - name: Third\n    role: x\n");
}

TEST_CASE("set_item_key refuses what it cannot edit safely, naming crm edit") {
    auto refused = [](const std::string& text, std::size_t i, const char* key, const char* words) {
        try {
            set(text, i, key, "v");
        } catch (const RuntimeError& e) {
            CHECK(std::string(e.what()).find(words) != std::string::npos);
            CHECK(e.hint().find("crm edit") != std::string::npos);
            return true;
        }
        return false;
    };
    CHECK(refused("contacts: [Jane]\n", 0, "role", "flow style"));
    CHECK(refused("contacts: [{name: J}]\n", 0, "role", "flow style"));
    CHECK(refused("contacts:\n  - {name: J}\n", 0, "role", "flow style"));
    CHECK(refused(kClient, 2, "role", "plain line of text"));
    CHECK(refused(kClient, 3, "role", "not there"));
    CHECK(refused(kClient, 0, "address", "holds a map"));
    CHECK(refused("tier: A\n", 0, "role", "no list 'contacts'"));
    CHECK(refused("contacts: Jane\n", 0, "role", "not a list"));
    CHECK(refused("contacts:\n  - name: 'J\n      K'\n", 0, "name", "several lines"));
    CHECK(refused("- a\n", 0, "role", "top level"));
    CHECK_THROWS_AS(set("contacts:\n  - name: 'J\n", 0, "role", "x"), DataError);
}

TEST_CASE("append_map_item adds a block item after the last one, at its indentation") {
    Pairs jane = {{"name", EditValue::text("Jane Doe")},
                  {"email", EditValue::text("jane@example.com")}};
    std::string want = kClient;
    want.insert(want.find("tier: A"), "  - name: Jane Doe\n    email: jane@example.com\n");
    CHECK(append_map_item(kClient, kFile, "contacts", jane) == want);
    CHECK(
        append_map_item("contacts:\n-   name: A\n    # c\n# top\nx: 1", kFile, "contacts", jane) ==
        "contacts:\n-   name: A\n    # c\n-   name: Jane Doe\n    email: jane@example.com\n"
        "# top\nx: 1\n");
    CHECK(append_map_item("contacts:\r\n  - Bob\r\n", kFile, "contacts", jane) ==
          "contacts:\r\n  - Bob\r\n  - name: Jane Doe\r\n    email: jane@example.com\r\n");
}

TEST_CASE("append_map_item creates the list when absent or empty") {
    Pairs one = {{"name", EditValue::text("no")}};
    CHECK(append_map_item("name: Acme\n# end\n", kFile, "contacts", one) ==
          "name: Acme\n# end\ncontacts:\n  - name: \"no\"\n");
    CHECK(append_map_item("name: Acme", kFile, "contacts", one) ==
          "name: Acme\ncontacts:\n  - name: \"no\"\n");
    CHECK(append_map_item("", kFile, "contacts", one) == "contacts:\n  - name: \"no\"\n");
    CHECK(append_map_item("contacts: []  # none yet\ntier: A\n", kFile, "contacts", one) ==
          "contacts:  # none yet\n  - name: \"no\"\ntier: A\n");
    CHECK(append_map_item("contacts:\n  # one per person\ntier: A\n", kFile, "contacts", one) ==
          "contacts:\n  # one per person\n  - name: \"no\"\ntier: A\n");
    CHECK(append_map_item("contacts: ~\n", kFile, "contacts", one) ==
          "contacts:\n  - name: \"no\"\n");
}

TEST_CASE("append_map_item writes hostile values that read back exactly") {
    const std::string v = "O'Brien: \"the\" #1\n- yes";
    std::string out =
        append_map_item(kClient, kFile, "contacts",
                        {{"name", EditValue::text(v)}, {"role", EditValue::text("yes")}});
    CHECK(read_back(out, 3, "name") == v);
    CHECK(read_back(out, 3, "role") == "yes");
}

TEST_CASE("append_map_item refuses flow lists with items, non-lists and nothing to add") {
    Pairs one = {{"name", EditValue::text("J")}};
    CHECK_THROWS_WITH_AS(append_map_item("contacts: [Jane]\n", kFile, "contacts", one),
                         doctest::Contains("flow style"), RuntimeError);
    CHECK_THROWS_WITH_AS(append_map_item("contacts: Jane\n", kFile, "contacts", one),
                         doctest::Contains("not a list"), RuntimeError);
    CHECK_THROWS_WITH_AS(append_map_item("contacts:\n  -\n    name: A\n", kFile, "contacts", one),
                         doctest::Contains("own line"), RuntimeError);
    CHECK_THROWS_AS(append_map_item("contacts:\n", kFile, "contacts", {}), RuntimeError);
    CHECK_THROWS_AS(
        append_map_item(kClient, kFile, "contacts",
                        {{"name", EditValue::text("A")}, {"name", EditValue::text("B")}}),
        RuntimeError);
}

TEST_CASE("remove_item removes an item's lines with the comments inside it") {
    CHECK(remove_item(kClient, kFile, "contacts", 0) ==
          "name: Acme   # legal name\n"
          "contacts:\n"
          "  # the people we talk to\n"
          "\n"
          "  # Bob since 2024\n"
          "  - name: Bob\n"
          "    role: 'CEO'\n"
          "  - Carol\n"
          "tier: A\n");
    std::string want = kClient;
    want.erase(want.find("  - name: Bob"), 30);
    CHECK(remove_item(kClient, kFile, "contacts", 1) == want);
    want = kClient;
    want.erase(want.find("  - Carol"), 10);
    CHECK(remove_item(kClient, kFile, "contacts", 2) == want);
}

TEST_CASE("remove_item of the only item leaves an empty list; CRLF; no final newline") {
    CHECK(remove_item("contacts:   # c\n  - name: J\n    role: x\ntier: A\n", kFile, "contacts",
                      0) == "contacts: []   # c\ntier: A\n");
    CHECK(remove_item("contacts:\r\n  - A\r\n  - B\r\n", kFile, "contacts", 0) ==
          "contacts:\r\n  - B\r\n");
    CHECK(remove_item("contacts:\n  - A\n  - B", kFile, "contacts", 0) == "contacts:\n  - B\n");
    CHECK(remove_item("contacts:\n  - A\n  - B", kFile, "contacts", 1) == "contacts:\n  - A\n");
    CHECK(remove_item("contacts:\n  -\n  - A\n  - {name: B}\n", kFile, "contacts", 1) ==
          "contacts:\n  -\n  - A\n");
}

TEST_CASE("remove_item refuses flow lists and items it cannot find") {
    CHECK_THROWS_WITH_AS(remove_item("contacts: [Jane]\n", kFile, "contacts", 0),
                         doctest::Contains("flow style"), RuntimeError);
    CHECK_THROWS_WITH_AS(remove_item("contacts:\n  - A\n", kFile, "contacts", 1),
                         doctest::Contains("not there"), RuntimeError);
    CHECK_THROWS_WITH_AS(remove_item("contacts:\n  -\n    name: A\n", kFile, "contacts", 0),
                         doctest::Contains("own line"), RuntimeError);
}

TEST_CASE("items holding nested maps and lists: set after them, remove them whole") {
    const std::string text =
        "contacts:\n"
        "  - name: Jane\n"
        "    phones:\n"
        "      - 555 0100  # desk\n"
        "      - kind: mobile\n"
        "        number: 555 0199\n"
        "    # more to come\n"
        "  - name: Bob\n";
    CHECK(set(text, 0, "role", "CEO") ==
          "contacts:\n  - name: Jane\n    phones:\n      - 555 0100  # desk\n"
          "      - kind: mobile\n        number: 555 0199\n    role: CEO\n"
          "    # more to come\n  - name: Bob\n");
    CHECK(remove_item(text, kFile, "contacts", 0) == "contacts:\n  - name: Bob\n");
    CHECK_THROWS_WITH_AS(set(text, 0, "phones", "x"), doctest::Contains("holds a list"),
                         RuntimeError);
}

TEST_CASE("a new list goes before a `...` that ends the document") {
    CHECK(crm::yaml::append_map_item("name: Acme\n...\n", "c.yaml", "contacts",
                                     {{"name", crm::yaml::EditValue::text("Jo")}}) ==
          "name: Acme\ncontacts:\n  - name: Jo\n...\n");
}
