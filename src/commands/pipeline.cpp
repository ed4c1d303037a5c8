#include "crm/commands/pipeline.hpp"

#include "crm/render/pipeline_view.hpp"
#include "crm/reports/pipeline.hpp"

#include "fold.hpp"

namespace crm::commands {

int pipeline(const PipelineOptions& o, Context& ctx) {
    const std::string owner = o.mine ? ctx.user() : o.owner;
    const Settings& settings = ctx.folder().settings();
    // The summary holds every key an opportunity's figures need.
    std::vector<DataError> problems;
    const Pipeline p = fold_clients(
                           ctx, store::Detail::summary,
                           [&] { return PipelineCollector(settings, owner); }, problems)
                           .finish();
    const Date today = ctx.today();
    if (o.format == render::OutputFormat::json)
        ctx.out() << render::pipeline_json(p, today);
    else if (o.format == render::OutputFormat::csv)
        ctx.out() << render::pipeline_csv(p);
    else
        ctx.out() << render::pipeline_table(p, today, render::Styler(ctx.color()),
                                            ctx.terminal_width());
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
