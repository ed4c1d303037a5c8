#include "crm/commands/show.hpp"

#include "crm/commands/common.hpp"
#include "crm/render/show_view.hpp"

namespace crm::commands {

int show(const ShowOptions& o, Context& ctx) {
    const std::string slug = resolve_client(ctx, o.client);
    std::vector<DataError> problems;
    ClientRecord record = ctx.folder().load_record(slug, problems);
    record.client.slug = slug;
    const Settings& s = ctx.folder().settings();
    if (o.format == "json")
        ctx.out() << render::show_json(record, s);
    else
        ctx.out() << render::show_text(record, s, ctx.today(), render::Styler(ctx.color()),
                                       ctx.terminal_width());
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
