#include "crm/commands/funnel.hpp"

#include <algorithm>

#include "crm/git/changes.hpp"
#include "crm/render/funnel_view.hpp"
#include "crm/reports/funnel.hpp"

#include "fold.hpp"

namespace crm::commands {

int funnel(const FunnelOptions& o, Context& ctx) {
    auto& folder = ctx.folder();
    std::vector<DataError> problems;
    auto funnel = fold_clients(
        ctx, store::Detail::summary,
        [&] { return FunnelCollector(folder.settings(), ctx.today()); }, problems);
    // Clients without `stage_since` entered their stage when a commit last changed it;
    // git is asked only when there are any (and without git, `since` stands in).
    std::map<std::string, Date> changes;
    if (funnel.needs_stage_changes() && ctx.git())
        changes = git::stage_change_dates(*ctx.git());
    const auto stages = std::move(funnel).finish(changes);
    const bool no_clients = std::all_of(stages.begin(), stages.end(),
                                        [](const FunnelStage& s) { return s.entries.empty(); });
    if (o.format == render::OutputFormat::json)
        ctx.out() << render::funnel_json(stages, ctx.today());
    else if (no_clients)
        ctx.note("no clients yet: add one with 'crm add-client NAME'");
    else
        ctx.out() << render::funnel_table(stages, render::Styler(ctx.color()),
                                          ctx.terminal_width());
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
