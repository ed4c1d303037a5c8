#include "crm/commands/show.hpp"

#include "crm/commands/common.hpp"
#include "crm/render/show_view.hpp"
#include "crm/util/format.hpp"

namespace crm::commands {

int show(const ShowOptions& o, Context& ctx) {
    const std::string slug = resolve_client(ctx, o.client);
    std::vector<DataError> problems;
    // A client.yaml that cannot be read hides nothing else: its problem is shown where
    // the profile would be, and what the other files hold after it.
    ClientRecord record = ctx.folder().load_record(slug, problems, store::Unreadable::keep);
    record.client.slug = slug;
    std::string problem;
    if (record.client.unreadable && !problems.empty())
        problem = problems.front().what();
    const Settings& s = ctx.folder().settings();
    if (o.format == render::OutputFormat::json)
        ctx.out() << render::show_json(record, s, problem);
    else if (o.format == render::OutputFormat::markdown)
        ctx.out() << render::show_markdown(record, s, ctx.today(), problem);
    else
        ctx.out() << render::show_text(record, s, ctx.today(), render::Styler(ctx.color()),
                                       ctx.terminal_width(), problem);
    if (record.client.unreadable) {
        ctx.warn(fmt::format("{} (fix it: crm edit {})", problem, slug));
        problems.erase(problems.begin());
    }
    return ctx.warn_problems(problems) | (record.client.unreadable ? 1 : 0);
}

}  // namespace crm::commands
