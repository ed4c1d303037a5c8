#include "crm/commands/portfolio.hpp"

#include <algorithm>

#include "crm/render/portfolio_view.hpp"
#include "crm/reports/portfolio.hpp"

#include "fold.hpp"

namespace crm::commands {

int portfolio(const PortfolioOptions& o, Context& ctx) {
    auto& folder = ctx.folder();
    std::vector<DataError> problems;
    const Portfolio p =
        fold_clients(
            ctx, store::Detail::summary,
            [&] { return PortfolioCollector(folder.settings(), ctx.today()); }, problems)
            .finish();
    const bool no_clients = std::all_of(p.groups.begin(), p.groups.end(),
                                        [](const PortfolioGroup& g) { return g.rows.empty(); });
    if (o.format == render::OutputFormat::json)
        ctx.out() << render::portfolio_json(p, ctx.today());
    else if (no_clients)
        ctx.note("no clients yet: add one with 'crm add-client NAME'");
    else
        ctx.out() << render::portfolio_table(p, render::Styler(ctx.color()), ctx.terminal_width());
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
