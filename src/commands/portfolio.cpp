#include "crm/commands/portfolio.hpp"

#include "crm/render/portfolio_view.hpp"
#include "crm/reports/portfolio.hpp"

namespace crm::commands {

int portfolio(const PortfolioOptions& o, Context& ctx) {
    auto& folder = ctx.folder();
    auto snapshot = ctx.load_all(store::Detail::summary);
    const Portfolio p = build_portfolio(snapshot.clients, folder.settings(), ctx.today());
    if (o.format == "json")
        ctx.out() << render::portfolio_json(p, ctx.today());
    else if (snapshot.clients.empty())
        ctx.note("no clients yet: add one with 'crm add-client NAME'");
    else
        ctx.out() << render::portfolio_table(p, render::Styler(ctx.color()), ctx.terminal_width());
    return ctx.warn_problems(snapshot.problems);
}

}  // namespace crm::commands
