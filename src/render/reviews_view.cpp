#include "crm/render/reviews_view.hpp"

#include <algorithm>

#include "crm/formats/json.hpp"
#include "crm/render/bar_chart.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/render/when.hpp"
#include "crm/render/wrap.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

formats::Json follow_up_json(const FollowUp& f, Date today) {
    const Review& r = *f.ref.review;
    return formats::Json{
        {"client", f.ref.client->slug}, {"name", f.ref.client->name},
        {"project", r.project},         {"rating", std::string(rating_name(r.rating))},
        {"review_date", r.date.iso()},  {"due", f.due.iso()},
        {"overdue", f.due < today},     {"file", r.file}};
}

}  // namespace

std::string reviews_json(const ReviewsSummary& s, const std::optional<Date>& since, Date today,
                         const std::optional<Date>& until) {
    formats::Json j;
    j["as_of"] = today.iso();
    j["since"] = formats::date_or_null(since);
    if (until)
        j["until"] = until->iso();
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
    return formats::dump(j);
}

namespace {

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

std::string percent(int n, int total) {
    return total ? fmt::format("{}%", (n * 100 + total / 2) / total) : "";
}

std::string heading(const Styler& st, const std::string& title, const std::string& detail) {
    return fmt::format("{}  {}\n", st(title, Style::bold), st(detail, Style::dim));
}

std::string spectrum(const ReviewsSummary& s, const std::optional<Date>& since,
                     const std::optional<Date>& until, const Styler& st, int width) {
    std::string out = heading(st, "Satisfaction",
                              std::to_string(s.total) + (s.total == 1 ? " review" : " reviews") +
                                  (since ? fmt::format(" since {}", *since) : "") +
                                  (until ? fmt::format(" until {}", *until) : ""));
    BarChart chart;
    for (std::size_t i = 0; i < s.counts.size(); ++i) {
        const auto r = static_cast<Rating>(i);
        chart.add({std::string(rating_name(r)), s.counts[i], rating_style(r),
                   percent(s.counts[i], s.total)});
    }
    return out + chart.render(st, width);
}

std::string follow_ups(const ReviewsSummary& s, Date today, const Styler& st, int width) {
    std::string out = heading(st, "Open follow-ups", std::to_string(s.follow_ups.size()));
    if (s.follow_ups.empty())
        return fmt::format("{}  none: every angry or unhappy review has had a visit since\n", out);
    // For people only: the JSON's follow-ups (follow_up_json) hold the review's file and
    // date too.
    const Columns<FollowUp> cols{
        {"", "DUE", {Role::date, 0, 0, 100}, [](const FollowUp& f) { return Cell{f.due.iso()}; }},
        {"",
         "WHEN",
         {Role::flag},
         [today](const FollowUp& f) {
             return Cell{when_text(f.due, today), f.due < today ? Style::red : Style::yellow};
         }},
        {"",
         "CLIENT",
         {Role::reading, 12},
         [](const FollowUp& f) {
             return Cell{f.ref.client->name, Style::bold};
         }},
        {"",
         "RATING",
         {Role::flag},
         [](const FollowUp& f) {
             const Rating r = f.ref.review->rating;
             return Cell{std::string(rating_name(r)), rating_style(r)};
         }},
        {"",
         "PROJECT",
         {Role::reading},
         [](const FollowUp& f) { return Cell{f.ref.review->project}; }},
    };
    return out + table(s.follow_ups, cols, st, width);
}

std::string testimonials(const ReviewsSummary& s, const Styler& st, int width) {
    std::string out = heading(st, "Testimonials", std::to_string(s.testimonials.size()));
    for (const auto& ref : s.testimonials) {
        const Review& r = *ref.review;
        // Tables and wrap() make their own text safe; these lines are put together here.
        const std::string name = one_line(ref.client->name);
        out += fmt::format(
            "  {}  {}  {}\n", r.date, st(name, Style::bold),
            st(truncate_to_width(one_line(r.project),
                                 std::max(10, width ? width - display_width(name) - 16 : 1000)),
               Style::dim));
        out += wrap(fmt::format("\u201c{}\u201d", r.testimonial), width, "      ");
    }
    return out;
}

// One row per person referred.
struct Referral {
    const ReviewRef* ref;
    const std::string* who;
};

std::string referrals(const ReviewsSummary& s, const Styler& st, int width) {
    std::vector<Referral> rows;
    for (const auto& ref : s.referrals)
        for (const auto& who : ref.review->referrals)
            rows.push_back({&ref, &who});
    static const Columns<Referral> cols{
        {"",
         "DATE",
         {Role::date},
         [](const Referral& r) { return Cell{r.ref->review->date.iso()}; }},
        {"",
         "CLIENT",
         {Role::reading, 12},
         [](const Referral& r) {
             return Cell{r.ref->client->name, Style::bold};
         }},
        {"", "REFERRAL", {Role::reading}, [](const Referral& r) { return Cell{*r.who}; }},
    };
    std::string out = heading(st, "Referrals", std::to_string(rows.size()));
    if (!rows.empty())
        out += table(rows, cols, st, width);
    return out;
}

}  // namespace

std::string reviews_table(const ReviewsSummary& s, const std::optional<Date>& since, Date today,
                          const Styler& st, int width, const std::optional<Date>& until) {
    return fmt::format("{}\n{}\n{}\n{}", spectrum(s, since, until, st, width),
                       follow_ups(s, today, st, width), testimonials(s, st, width),
                       referrals(s, st, width));
}

}  // namespace crm::render
