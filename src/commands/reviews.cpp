#include "crm/commands/reviews.hpp"

#include "crm/render/reviews_view.hpp"
#include "crm/reports/reviews_summary.hpp"
#include "crm/util/format.hpp"

#include "fold.hpp"

namespace crm::commands {

int reviews(const ReviewsOptions& o, Context& ctx) {
    const Date today = ctx.today();
    std::optional<Date> since;
    if (o.since.given())
        since = read_date(ctx, o.since);
    std::optional<Date> until;
    if (o.until.given())
        until = read_date(ctx, o.until);
    auto& folder = ctx.folder();
    std::vector<DataError> problems;
    const auto summary =
        fold_clients(
            ctx, store::Detail::summary,
            [&] { return ReviewsCollector(folder.settings().review_follow_up, since, until); },
            problems)
            .finish();
    if (o.format == render::OutputFormat::json) {
        ctx.out() << render::reviews_json(summary, since, today, until);
    } else if (summary.total == 0 && summary.follow_ups.empty()) {
        ctx.note(since   ? fmt::format("no reviews since {}", *since)
                 : until ? fmt::format("no reviews until {}", *until)
                         : "no reviews yet: record one with 'crm review CLIENT --project P "
                           "--rating R'");
    } else {
        ctx.out() << render::reviews_table(summary, since, today, render::Styler(ctx.color()),
                                           ctx.terminal_width(), until);
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
