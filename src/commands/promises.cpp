#include "crm/commands/promises.hpp"

#include "crm/commands/common.hpp"
#include "crm/render/promises_view.hpp"
#include "crm/reports/promises.hpp"

#include "fold.hpp"

namespace crm::commands {

int promises(const PromisesOptions& o, Context& ctx) {
    const Date today = ctx.today();
    // The user is looked up (git config, the login) only when --mine needs it.
    const PromisesQuery query{o.all, o.overdue, o.mine, o.mine ? ctx.user() : ""};
    std::vector<DataError> problems;
    std::vector<PromiseRow> rows;
    if (!o.client.empty()) {
        const std::string slug = resolve_client(ctx, o.client);
        ClientRecord record = ctx.folder().load_record(slug, problems, store::Unreadable::keep);
        record.client.slug = slug;
        rows = promise_rows({record}, query, today);
    } else {
        rows = fold_clients(
                   ctx, store::Detail::summary, [&] { return PromisesCollector(query, today); },
                   problems, store::Unreadable::keep)
                   .finish();
    }

    if (o.format == render::OutputFormat::json)
        ctx.out() << render::promises_json(rows, today);
    else if (rows.empty())
        ctx.note(o.overdue ? "nothing overdue" : "no open promises or actions");
    else
        ctx.out() << render::promises_table(rows, today, render::Styler(ctx.color()),
                                            ctx.terminal_width());
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
