// The reports as the commands run them, folded client by client by the store's threads,
// against the same reports over the whole folder loaded at once: the same JSON, on a
// first run (no cache) and on a second (from the cache).
#include <doctest/doctest.h>

#include <filesystem>

#include "crm/commands/due.hpp"
#include "crm/commands/portfolio.hpp"
#include "crm/commands/promises.hpp"
#include "crm/commands/reviews.hpp"
#include "crm/render/due_report.hpp"
#include "crm/render/portfolio_view.hpp"
#include "crm/render/promises_view.hpp"
#include "crm/render/reviews_view.hpp"
#include "crm/reports/portfolio.hpp"
#include "crm/reports/promises.hpp"
#include "crm/reports/reviews_summary.hpp"
#include "crm/store/load_all.hpp"
#include "fixture.hpp"

namespace fs = std::filesystem;
using namespace crm;
using crm::testing::CommandFixture;

namespace {

// The example folder's clients, `copies` times over under new slugs: enough clients for
// the walk to be split between threads (os/parallel.hpp), with names that repeat.
void many_clients(CommandFixture& f, int copies) {
    const fs::path examples = fs::path(CRM_EXAMPLES_DIR) / "consultancy" / "clients";
    fs::create_directories(f.root() / "clients");
    for (const auto& client : fs::directory_iterator(examples)) {
        for (int i = 0; i < copies; ++i) {
            const fs::path to = f.root() / "clients" /
                                (client.path().filename().string() + "-" + std::to_string(i));
            fs::copy(client.path(), to, fs::copy_options::recursive);
        }
    }
}

}  // namespace

TEST_CASE("due, promises, portfolio and reviews folded by threads equal the whole folder's") {
    CommandFixture f("fold-many-clients");
    many_clients(f, 40);
    const Date today = *Date::parse_iso("2026-11-23");
    for (const char* run : {"first run", "second run"}) {
        CAPTURE(run);
        commands::DueOptions due;
        due.format = crm::render::OutputFormat::json;
        CHECK(commands::due(due, f.context()) == 0);
        const std::string due_out = f.out();
        commands::PromisesOptions promises;
        promises.format = crm::render::OutputFormat::json;
        promises.all = true;
        CHECK(commands::promises(promises, f.context()) == 0);
        const std::string promises_out = f.out();
        commands::PortfolioOptions portfolio;
        portfolio.format = crm::render::OutputFormat::json;
        CHECK(commands::portfolio(portfolio, f.context()) == 0);
        const std::string portfolio_out = f.out();
        commands::ReviewsOptions reviews;
        reviews.format = crm::render::OutputFormat::json;
        CHECK(commands::reviews(reviews, f.context()) == 0);
        const std::string reviews_out = f.out();

        auto& ctx = f.context();
        const Settings& s = ctx.folder().settings();
        const store::Snapshot snap = store::load_all(ctx.folder(), store::Detail::summary);
        REQUIRE(snap.clients.size() > 500);
        CHECK(snap.problems.empty());
        const Date end = commands::due_window_end("", {}, s, today);
        CHECK(due_out == render::due_json({compute_due(snap.clients, s, today, end), today, end}));
        CHECK(due_out.size() > 10000);
        CHECK(promises_out ==
              render::promises_json(promise_rows(snap.clients, {.all = true}, today), today));
        CHECK(portfolio_out ==
              render::portfolio_json(build_portfolio(snap.clients, s, today), today));
        CHECK(reviews_out == render::reviews_json(
                                 summarize_reviews(snap.clients, s.review_follow_up, std::nullopt),
                                 std::nullopt, today));
    }
}
