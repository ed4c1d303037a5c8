#include "crm/commands/review.hpp"

#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/reports/reviews_summary.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "writes.hpp"

namespace crm::commands {

namespace {

Review review_from_options(const ReviewOptions& o, Context& ctx) {
    Review r;
    r.date = ctx.today();
    r.by = ctx.user();
    type_fields(schema::review_schema(), o.review, r, typing(ctx, o.force));
    return r;
}

// An angry or unhappy client is the best chance to win them back: say when `crm due`
// will ask for the follow-up, by the rule `crm due` and `crm reviews` use (a review dated
// in the past may already have had its visit).
void note_follow_up(Context& ctx, const std::string& slug, const std::string& file) {
    std::vector<DataError> problems;
    const ClientRecord rec = ctx.folder().load_record(slug, problems, store::Unreadable::keep);
    const auto written = std::find_if(rec.reviews.begin(), rec.reviews.end(),
                                      [&](const Review& r) { return r.file == file; });
    if (written == rec.reviews.end() || !needs_follow_up(written->rating))
        return;
    const auto due = open_follow_up_due(rec, *written, ctx.folder().settings().review_follow_up);
    if (!due) {
        ctx.note(
            fmt::format("no follow-up is due: a visit to {} was logged after the review's date",
                        rec.client.name));
        return;
    }
    ctx.note(fmt::format("a follow-up with {} is due by {} {} ({}): log it with 'crm log-visit {}'",
                         rec.client.name, weekday_short(*due), *due,
                         relative_days(*due, ctx.today()), slug));
}

}  // namespace

int review(const ReviewOptions& o, Context& ctx) {
    // Bad option values are usage errors, whatever the client.
    Review review = review_from_options(o, ctx);
    const std::string slug = resolve_client(ctx, o.client);
    Client client = client_or_slug(ctx, slug);

    const std::string file = write_new_record(
        ctx, slug, RecordKind::review, review.date, review.by, schema::review_yaml(review),
        fmt::format("review: {} ({}, {})", client.name, review.project,
                    rating_name(review.rating)));
    say_dates(ctx, schema::review_schema(), review);
    note_follow_up(ctx, slug, file);
    return 0;
}

}  // namespace crm::commands
