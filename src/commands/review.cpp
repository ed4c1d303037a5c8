#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"
#include "crm/commands/writes.hpp"
#include "crm/store/record_io.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

struct ReviewOptions {
    std::string client;
    std::string project;
    std::string rating;
    std::string why;
    std::vector<std::string> went_well;
    std::vector<std::string> improve;
    std::string testimonial;
    std::vector<std::string> referrals;
    std::string date;
};

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

int run(const ReviewOptions& o, Context& ctx) {
    // Bad option values are usage errors, whatever the client.
    Review review = review_from_options(o, ctx);
    const std::string slug = resolve_client(ctx, o.client);
    auto& folder = ctx.folder();
    Client client = folder.load_client(slug);

    write_new_record(ctx, slug, "reviews", review.date, review.by, store::review_yaml(review),
                     "review: " + client.name + " (" + review.project + ", " +
                         std::string(rating_name(review.rating)) + ")");
    note_follow_up(ctx, client, review);
    return 0;
}

}  // namespace

Runner register_review(CLI::App& cmd) {
    auto o = std::make_shared<ReviewOptions>();
    cmd.footer(
        "A post-project review places the client on the spectrum angry, unhappy, neutral,\n"
        "happy, elated. An angry or unhappy review makes a follow-up due (review_follow_up\n"
        "in crm.yaml, 7d by default) until a visit or call is logged after it; 'crm due'\n"
        "and 'crm reviews' list it.");
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option("--project", o->project, "The project reviewed")->required();
    cmd.add_option("--rating", o->rating, "angry, unhappy, neutral, happy or elated")->required();
    cmd.add_option("--why", o->why, "Why the client feels that way");
    cmd.add_option("--went-well", o->went_well, "Something that went well (repeatable)");
    cmd.add_option("--improve", o->improve, "Something to improve (repeatable)");
    cmd.add_option("--testimonial", o->testimonial, "A quote the client allows us to use");
    cmd.add_option("--referral", o->referrals, "Someone the client referred us to (repeatable)");
    cmd.add_option("--date", o->date, "When (default today): YYYY-MM-DD, yesterday, -2d, mon...");
    return [o](Context& ctx) { return run(*o, ctx); };
}

}  // namespace crm::commands
