#include "crm/commands/list.hpp"

#include "crm/commands/common.hpp"
#include "crm/render/list_view.hpp"
#include "crm/reports/client_filter.hpp"

namespace crm::commands {

int list(const ListOptions& o, Context& ctx) {
    const Settings& settings = ctx.folder().settings();
    ClientFilter filter{o.stage.empty() ? "" : one_of("--stage", o.stage, settings.stages),
                        o.tier.empty() ? "" : one_of("--tier", o.tier, settings.tier_names()),
                        o.owner,
                        o.tags,
                        {},
                        settings.default_tier};
    for (const auto& w : o.where)
        filter.where.push_back(parse_field_filter(w));
    std::vector<DataError> problems;
    std::vector<Client> clients;
    for (auto& c : ctx.folder().load_clients(problems))
        if (client_matches(c, filter))
            clients.push_back(std::move(c));

    if (o.quiet) {
        ctx.out() << render::list_slugs(clients);
        return ctx.warn_problems(problems);
    }
    switch (o.format) {
        case render::OutputFormat::json:
            ctx.out() << render::list_json(clients);
            break;
        case render::OutputFormat::csv:
            ctx.out() << render::list_csv(clients);
            break;
        case render::OutputFormat::markdown:
            ctx.out() << render::list_markdown(clients);
            break;
        default:
            if (clients.empty())
                ctx.note("no clients match");
            else
                ctx.out() << render::list_table(clients, render::Styler(ctx.color()),
                                                ctx.terminal_width());
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
