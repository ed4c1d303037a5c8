#include "crm/commands/log_visit.hpp"

#include <doctest/doctest.h>

#include "crm/schema/records.hpp"
#include "fixture.hpp"

using crm::commands::LogVisitOptions;
using crm::testing::CommandFixture;

TEST_CASE("log-visit: dated by the Context's clock, by its user, without git no commit") {
    CommandFixture f("log-visit");
    f.write("clients/acme/client.yaml", "name: Acme\n");
    LogVisitOptions o;
    o.client = "acme";
    o.summary = "Phase 2 scope";
    o.visit["promises"] = {"Send the statement by fri"};
    auto& ctx = f.context();
    CHECK(crm::commands::log_visit(o, ctx) == 0);
    const std::string path = f.out().substr(0, f.out().find('\n'));
    CHECK(path.starts_with("clients/acme/visits/2026-11-23-alice-smith-"));
    const crm::Visit v = crm::schema::read_visit(f.read(path), path);
    CHECK(v.by == "Alice Smith");
    CHECK(v.notes == "Phase 2 scope");
    REQUIRE(v.promises.size() == 1);
    CHECK(v.promises[0].due->iso() == "2026-11-27");
}

TEST_CASE("log-visit -: the whole visit from the Context's standard input") {
    CommandFixture f("log-visit-stdin");
    f.write("clients/acme/client.yaml", "name: Acme\n");
    LogVisitOptions o;
    o.client = "acme";
    o.summary = "-";
    auto& ctx = f.context(0, "kind: call\nnotes: From stdin\n");
    CHECK(crm::commands::log_visit(o, ctx) == 0);
    const std::string path = f.out().substr(0, f.out().find('\n'));
    const crm::Visit v = crm::schema::read_visit(f.read(path), path);
    CHECK(v.kind == "call");
    CHECK(v.notes == "From stdin");
    CHECK(v.date.iso() == "2026-11-23");
}

TEST_CASE("log-visit: a promise whose trailing 'by' looks like a date and is none writes nothing") {
    CommandFixture f("log-visit-bad-by");
    f.write("clients/acme/client.yaml", "name: Acme\n");
    LogVisitOptions o;
    o.client = "acme";
    o.visit["promises"] = {"Send it by fri 31st"};
    auto& ctx = f.context();
    CHECK_THROWS_AS(crm::commands::log_visit(o, ctx), crm::UsageError);
    CHECK_FALSE(std::filesystem::exists(f.root() / "clients/acme/visits"));
}
