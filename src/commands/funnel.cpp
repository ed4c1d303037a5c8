#include "crm/commands/funnel.hpp"

#include <algorithm>

#include "crm/git/changes.hpp"
#include "crm/render/funnel_view.hpp"
#include "crm/reports/funnel.hpp"

namespace crm::commands {

int funnel(const FunnelOptions& o, Context& ctx) {
    auto& folder = ctx.folder();
    auto snapshot = ctx.load_all(store::Detail::summary);
    // Clients without `stage_since` entered their stage when a commit last changed it;
    // git is asked only when there are any (and without git, `since` stands in).
    std::map<std::string, Date> changes;
    const bool undated = std::any_of(snapshot.clients.begin(), snapshot.clients.end(),
                                     [](const ClientRecord& r) { return !r.client.stage_since; });
    if (undated && ctx.git())
        changes = git::stage_change_dates(*ctx.git());
    const auto stages = build_funnel(snapshot.clients, folder.settings(), ctx.today(), changes);
    if (o.format == "json")
        ctx.out() << render::funnel_json(stages, ctx.today());
    else if (snapshot.clients.empty())
        ctx.note("no clients yet: add one with 'crm add-client NAME'");
    else
        ctx.out() << render::funnel_table(stages, render::Styler(ctx.color()),
                                          ctx.terminal_width());
    return ctx.warn_problems(snapshot.problems);
}

}  // namespace crm::commands
