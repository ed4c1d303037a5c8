#include "crm/commands/review.hpp"
#include "crm/commands/common.hpp"
#include "crm/commands/writes.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"

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
    const std::string rating = ascii_lower(trim(o.rating));
    require_one_of("--rating", rating, rating_names());
    r.rating = *parse_rating(rating);
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
// will ask for the follow-up.
void note_follow_up(Context& ctx, const Client& client, const Review& r) {
    if (!needs_follow_up(r.rating))
        return;
    const Duration within = ctx.folder().settings().review_follow_up;
    const Date due = within.after(r.date);
    ctx.note("a follow-up with " + client.name + " is due by " + due.iso() + " (" +
             relative_days(due, ctx.today()) + "): log it with 'crm log-visit " + client.slug +
             "'");
}

}  // namespace

int review(const ReviewOptions& o, Context& ctx) {
    // Bad option values are usage errors, whatever the client.
    Review review = review_from_options(o, ctx);
    const std::string slug = resolve_client(ctx, o.client);
    auto& folder = ctx.folder();
    Client client = folder.load_client(slug);

    write_new_record(ctx, slug, RecordKind::review, review.date, review.by,
                     schema::review_yaml(review),
                     "review: " + client.name + " (" + review.project + ", " +
                         std::string(rating_name(review.rating)) + ")");
    note_follow_up(ctx, client, review);
    return 0;
}

}  // namespace crm::commands
