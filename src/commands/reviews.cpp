#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/reviews.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/bar_chart.hpp"
#include "crm/render/table.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/render/wrap.hpp"
#include "crm/reports/reviews_summary.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

using render::Style;

Style rating_style(Rating r) {
    switch (r) {
        case Rating::angry:
            return Style::red;
        case Rating::unhappy:
            return Style::yellow;
        case Rating::neutral:
            return Style::dim;
        case Rating::happy:
            return Style::green;
        case Rating::elated:
            return Style::cyan;
    }
    return Style::none;
}

formats::Json follow_up_json(const FollowUp& f, Date today) {
    const Review& r = *f.ref.review;
    return formats::Json{
        {"client", f.ref.client->slug}, {"name", f.ref.client->name},
        {"project", r.project},         {"rating", std::string(rating_name(r.rating))},
        {"review_date", r.date.iso()},  {"due", f.due.iso()},
        {"overdue", f.due < today},     {"file", r.file}};
}

void print_json(const ReviewsSummary& s, const std::optional<Date>& since, Context& ctx) {
    const Date today = ctx.today();
    formats::Json j;
    j["as_of"] = today.iso();
    j["since"] = formats::date_or_null(since);
    j["total"] = s.total;
    formats::Json spectrum = formats::Json::array();
    for (std::size_t i = 0; i < s.counts.size(); ++i)
        spectrum.push_back({{"rating", rating_names()[i]}, {"count", s.counts[i]}});
    j["spectrum"] = spectrum;
    formats::Json follow_ups = formats::Json::array();
    for (const auto& f : s.follow_ups)
        follow_ups.push_back(follow_up_json(f, today));
    j["follow_ups"] = follow_ups;
    formats::Json testimonials = formats::Json::array();
    for (const auto& t : s.testimonials) {
        testimonials.push_back({{"client", t.client->slug},
                                {"name", t.client->name},
                                {"date", t.review->date.iso()},
                                {"project", t.review->project},
                                {"rating", std::string(rating_name(t.review->rating))},
                                {"testimonial", t.review->testimonial},
                                {"file", t.review->file}});
    }
    j["testimonials"] = testimonials;
    formats::Json referrals = formats::Json::array();
    for (const auto& r : s.referrals) {
        for (const auto& who : r.review->referrals) {
            referrals.push_back({{"client", r.client->slug},
                                 {"name", r.client->name},
                                 {"date", r.review->date.iso()},
                                 {"project", r.review->project},
                                 {"referral", who},
                                 {"file", r.review->file}});
        }
    }
    j["referrals"] = referrals;
    ctx.out() << formats::dump(j);
}

std::string percent(int n, int total) {
    return total ? std::to_string((n * 100 + total / 2) / total) + "%" : "";
}

void print_text(const ReviewsSummary& s, const std::optional<Date>& since, Context& ctx) {
    const render::Styler st(ctx.color());
    const int width = ctx.terminal_width();
    const Date today = ctx.today();
    std::string out;

    out += st("Satisfaction", Style::bold) + "  " +
           st(std::to_string(s.total) + (s.total == 1 ? " review" : " reviews") +
                  (since ? " since " + since->iso() : ""),
              Style::dim) +
           "\n";
    render::BarChart chart;
    for (std::size_t i = 0; i < s.counts.size(); ++i) {
        const auto r = static_cast<Rating>(i);
        chart.add({std::string(rating_name(r)), s.counts[i], rating_style(r),
                   percent(s.counts[i], s.total)});
    }
    out += chart.render(st, width);

    out += "\n" + st("Open follow-ups", Style::bold) + "  " +
           st(std::to_string(s.follow_ups.size()), Style::dim) + "\n";
    if (s.follow_ups.empty()) {
        out += "  none: every angry or unhappy review has had a visit since\n";
    } else {
        render::Table t({"DUE", "WHEN", "CLIENT", "RATING", "PROJECT"});
        t.flexible(4);
        for (const auto& f : s.follow_ups) {
            const Review& r = *f.ref.review;
            t.add({{f.due.iso()},
                   {relative_days(f.due, today), f.due < today ? Style::red : Style::yellow},
                   {f.ref.client->name, Style::bold},
                   {std::string(rating_name(r.rating)), rating_style(r.rating)},
                   {r.project}});
        }
        out += t.render(st, width);
    }

    out += "\n" + st("Testimonials", Style::bold) + "  " +
           st(std::to_string(s.testimonials.size()), Style::dim) + "\n";
    for (const auto& ref : s.testimonials) {
        const Review& r = *ref.review;
        // Tables and wrap() make their own text safe; these lines are put together here.
        const std::string name = render::one_line(ref.client->name);
        out += "  " + r.date.iso() + "  " + st(name, Style::bold) + "  " +
               st(truncate_to_width(render::one_line(r.project),
                                    std::max(10, width ? width - display_width(name) - 16 : 1000)),
                  Style::dim) +
               "\n";
        out += render::wrap("\u201c" + r.testimonial + "\u201d", width, "      ");
    }

    std::size_t referral_count = 0;
    render::Table refs({"DATE", "CLIENT", "REFERRAL"});
    refs.flexible(2);
    for (const auto& ref : s.referrals) {
        for (const auto& who : ref.review->referrals) {
            refs.add({{ref.review->date.iso()}, {ref.client->name, Style::bold}, {who}});
            ++referral_count;
        }
    }
    out += "\n" + st("Referrals", Style::bold) + "  " +
           st(std::to_string(referral_count), Style::dim) + "\n";
    if (!refs.empty())
        out += refs.render(st, width);
    ctx.out() << out;
}

}  // namespace

int reviews(const ReviewsOptions& o, Context& ctx) {
    std::optional<Date> since;
    if (!o.since.empty())
        since = parse_date_arg(o.since, ctx.today(), DateDirection::past, "--since");
    auto& folder = ctx.folder();
    auto snapshot = ctx.load_all(store::Detail::summary);
    const auto summary =
        summarize_reviews(snapshot.clients, folder.settings().review_follow_up, since);
    if (o.format == "json") {
        print_json(summary, since, ctx);
    } else if (summary.total == 0 && summary.follow_ups.empty()) {
        ctx.note(since ? "no reviews since " + since->iso()
                       : "no reviews yet: record one with 'crm review CLIENT --project P "
                         "--rating R'");
    } else {
        print_text(summary, since, ctx);
    }
    return ctx.warn_problems(snapshot.problems);
}

}  // namespace crm::commands
