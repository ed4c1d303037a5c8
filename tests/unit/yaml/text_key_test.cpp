#include <doctest/doctest.h>

#include "crm/util/error.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/tree.hpp"

using namespace crm;

namespace {

const std::string kFile = "clients/acme/client.yaml";

const std::string kHand = R"(# Acme
name: Acme   # legal name
notes: |
  Our biggest account.
  # part of the notes
sector: civil  # custom
)";

}  // namespace

TEST_CASE("yaml::set_text_key writes prose as a literal block, keeping the other lines") {
    const std::string out =
        yaml::set_text_key(kHand, kFile, "notes", "Our biggest account.\n\nMet at the expo.\n");
    CHECK(out ==
          "# Acme\nname: Acme   # legal name\nnotes: |\n  Our biggest account.\n\n  Met at the "
          "expo.\nsector: civil  # custom\n");
    CHECK(yaml::parse(out, kFile).find("notes")->value ==
          "Our biggest account.\n\nMet at the expo.\n");
}

TEST_CASE("yaml::set_text_key appends a missing key, and a text without final newline") {
    const std::string out = yaml::set_text_key("name: Acme\n", kFile, "notes", "one\ntwo");
    CHECK(out == "name: Acme\nnotes: |-\n  one\n  two\n");
    CHECK(yaml::parse(out, kFile).find("notes")->value == "one\ntwo");
}

TEST_CASE("yaml::set_text_key writes one line, or what a block cannot hold, inline") {
    CHECK(yaml::set_text_key("name: Acme\nnotes: old\n", kFile, "notes", "new") ==
          "name: Acme\nnotes: new\n");
    const std::string tabs = yaml::set_text_key(kHand, kFile, "notes", "a\tb\nc\n");
    CHECK(tabs.find("notes: \"a\\tb\\nc\\n\"\n") != std::string::npos);
    CHECK(yaml::parse(tabs, kFile).find("notes")->value == "a\tb\nc\n");
}

TEST_CASE("yaml::set_text_key refuses rather than swallow a comment into the notes") {
    const std::string hand = "notes: old\n  # under the value\nname: Acme\n";
    CHECK_THROWS_AS(yaml::set_text_key(hand, kFile, "notes", "one\ntwo\n"), RuntimeError);
}
