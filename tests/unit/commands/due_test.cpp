#include "crm/commands/due.hpp"

#include <doctest/doctest.h>

#include "fixture.hpp"

using crm::commands::DueOptions;
using crm::testing::CommandFixture;

namespace {

void sample_folder(CommandFixture& f) {
    f.write("clients/acme-engineering-pty-ltd/client.yaml",
            "name: Acme Engineering Pty Ltd\ntier: A\nowner: Alice Smith\nsince: 2026-01-05\n");
    f.write("clients/acme-engineering-pty-ltd/visits/2026-11-02-alice-smith-aaaaaa.yaml",
            "date: 2026-11-02\nby: Alice Smith\npromises:\n"
            "  - what: Send the capability statement for the depot tender, all sections\n"
            "    due: 2026-11-20\n");
    f.write("clients/northern-water-corporation/client.yaml",
            "name: Northern Water Corporation\ntier: b\nowner: Bob Jones\nsince: 2026-11-20\n"
            "every: 3d\n");
}

}  // namespace

TEST_CASE("due: overdue first, in a table that fits a 60-column terminal") {
    CommandFixture f("due-narrow");
    sample_folder(f);
    auto& ctx = f.context(60);
    CHECK(crm::commands::due(DueOptions{}, ctx) == 0);
    const std::string out = f.out();
    // Both are overdue: the promise of the 20th, and the new client due from its since.
    CHECK(out.find("Overdue: 2 items") != std::string::npos);
    CHECK(out.find("3d overdue") != std::string::npos);
    CHECK(out.find("Send the") != std::string::npos);
    CHECK(crm::testing::widest_line(out) <= 60);
    // Piped, nothing is cut.
    auto& piped = f.context(0);
    CHECK(crm::commands::due(DueOptions{}, piped) == 0);
    CHECK(f.out().find("all sections") != std::string::npos);
}

TEST_CASE("due: the clock of the Context decides what is due") {
    CommandFixture f("due-clock");
    sample_folder(f);
    f.set_today("2026-11-10");
    DueOptions o;
    o.format = crm::render::OutputFormat::json;
    auto& ctx = f.context();
    CHECK(crm::commands::due(o, ctx) == 0);
    CHECK(f.out().find("\"as_of\": \"2026-11-10\"") != std::string::npos);
    CHECK(f.out().find("capability statement") == std::string::npos);  // due on the 20th
}
