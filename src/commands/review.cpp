#include "crm/commands/review.hpp"

#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/reports/reviews_summary.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"

#include "writes.hpp"

namespace crm::commands {

namespace {

std::vector<std::string> items(const std::vector<std::string>& values, const std::string& option) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        std::string t = trim(v);
        if (t.empty())
            throw UsageError(option + ": the text is empty", "write the item, or leave it out");
        out.push_back(std::move(t));
    }
    return out;
}

Review review_from_options(const ReviewOptions& o, Context& ctx) {
    Review r;
    r.rating = *parse_rating(one_of("--rating", o.rating, rating_names()));
    r.project = trim(o.project);
    if (r.project.empty())
        throw UsageError("--project: the project name is empty", "name the project reviewed");
    const Date today = ctx.today();
    r.date = o.date.empty() ? today : parse_date_arg(o.date, today, DateDirection::past, "--date");
    r.by = ctx.user();
    r.why = trim(o.why);
    r.went_well = items(o.went_well, "--went-well");
    r.to_improve = items(o.improve, "--improve");
    r.testimonial = trim(o.testimonial);
    r.referrals = items(o.referrals, "--referral");
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
        ctx.note("no follow-up is due: a visit to " + rec.client.name +
                 " was logged after the review's date");
        return;
    }
    ctx.note("a follow-up with " + rec.client.name + " is due by " + due->iso() + " (" +
             relative_days(*due, ctx.today()) + "): log it with 'crm log-visit " + slug + "'");
}

}  // namespace

int review(const ReviewOptions& o, Context& ctx) {
    // Bad option values are usage errors, whatever the client.
    Review review = review_from_options(o, ctx);
    const std::string slug = resolve_client(ctx, o.client);
    Client client = client_or_slug(ctx, slug);

    const std::string file = write_new_record(
        ctx, slug, RecordKind::review, review.date, review.by, schema::review_yaml(review),
        "review: " + client.name + " (" + review.project + ", " +
            std::string(rating_name(review.rating)) + ")");
    note_follow_up(ctx, slug, file);
    return 0;
}

}  // namespace crm::commands
