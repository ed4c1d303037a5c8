#include "crm/schema/check.hpp"

#include <doctest/doctest.h>

using namespace crm;
using namespace crm::schema;

namespace {

std::vector<std::string> problems(const std::string& text, FileKind kind) {
    std::vector<std::string> out;
    for (const auto& e : check_file(text, "f.yaml", kind, Settings{}))
        out.push_back(e.what());
    return out;
}

}  // namespace

TEST_CASE("check_file lists every wrong value of a client") {
    auto p = problems(
        "name: A\nstage: hot\ntier: Z\nevery: often\nsince: 2026-02-30\n"
        "ratings: {potential: 0, charm: 2}\ntags: {a: 1}\n",
        FileKind::client);
    CHECK(p == std::vector<std::string>{
                   "f.yaml:2:8: stage: unknown stage 'hot'",
                   "f.yaml:3:7: tier: unknown tier 'Z'",
                   "f.yaml:4:8: every: 'often' is not a duration",
                   "f.yaml:5:8: since: '2026-02-30' is not a date",
                   "f.yaml:6:22: ratings.potential: '0' is outside 1-5",
                   "f.yaml:6:25: ratings: unknown rating 'charm'",
                   "f.yaml:7:7: tags: expected a list",
               });
}

TEST_CASE("check_file: a good client, visit and review have no problem") {
    CHECK(problems("name: A\nstage: lead\ntier: B\nevery: never\nratings: {potential: 5}\n",
                   FileKind::client)
              .empty());
    CHECK(problems("date: 2026-11-23\nkind: call\npromises:\n  - what: x\n    due: 2026-12-01\n",
                   FileKind::visit)
              .empty());
    CHECK(problems("date: 2026-11-23\nrating: happy\n", FileKind::review).empty());
}

TEST_CASE("check_file: missing keys, wrong kinds, structure") {
    CHECK(problems("kind: call\n", FileKind::visit) ==
          std::vector<std::string>{"f.yaml:1:1: visit has no date:"});
    CHECK(problems("date: 2026-11-23\nrating: livid\n", FileKind::review) ==
          std::vector<std::string>{"f.yaml:2:9: rating: unknown rating 'livid'"});
    CHECK(problems("", FileKind::client) == std::vector<std::string>{"f.yaml:1:1: file is empty"});
    CHECK(problems("[a]\n", FileKind::client).size() == 1);
    CHECK(problems("name: A\nname: B\n", FileKind::client).size() == 1);
}
