// The sections of the partners' page about work and money: due per teammate, the pipeline
// and the deal clock, the reviews.
#include <algorithm>

#include "crm/render/numbers.hpp"
#include "crm/render/pipeline_view.hpp"
#include "crm/reports/remind.hpp"
#include "crm/util/format.hpp"

#include "report_parts.hpp"

namespace crm::render::page {

namespace {

std::string figure(int n) {
    return std::to_string(n);
}

}  // namespace

ReportSection due_section(const MonthlyReport& r) {
    ReportSection s{"due", "Due and overdue, per teammate", {}, {}};
    int overdue = 0, upcoming = 0;
    std::array<int, kDueGroups> groups{};
    ReportBlock people;
    people.table = ReportTable{
        "due-people",
        fmt::format("Items per teammate: overdue, and due from today to {}", r.due_until),
        {"Teammate", "Overdue", fmt::format("Due by {}", day_month(r.due_until)), "Contacts",
         "Promises, actions", "Follow-ups", "Opportunities"},
        {false, true, true, true, true, true, true},
        {},
        {},
        {}};
    auto& chart = people.chart;
    chart.kind = ChartSpec::Kind::stacked;
    chart.series = {{"Overdue", svg::Colour::vermillion},
                    {fmt::format("Due by {}", day_month(r.due_until)), svg::Colour::blue}};
    std::string desc;
    for (const PersonDue& d : r.due_people) {
        if (!d.in_team && d.overdue + d.upcoming == 0)
            continue;  // on the page for their clients' cadence only
        const std::string who = person_label(d.person, d.in_team);
        std::vector<std::string> row{who, figure(d.overdue), figure(d.upcoming)};
        for (std::size_t g = 0; g < kDueGroups; ++g) {
            row.push_back(figure(d.by_group[g]));
            groups[g] += d.by_group[g];
        }
        people.table->rows.push_back(std::move(row));
        overdue += d.overdue;
        upcoming += d.upcoming;
        chart.rows.push_back(
            {who,
             {static_cast<double>(d.overdue), static_cast<double>(d.upcoming)},
             fmt::format("{} overdue, {} due", figure(d.overdue), figure(d.upcoming))});
        desc += fmt::format("{}{}: {} overdue, {} due by {}", desc.empty() ? "" : "; ", who,
                            figure(d.overdue), figure(d.upcoming), r.due_until);
    }
    people.table->total = {"Total", figure(overdue), figure(upcoming)};
    for (int g : groups)
        people.table->total.push_back(figure(g));
    chart.text = {"due-chart", "Overdue and coming items per teammate", fmt::format("{}.", desc)};
    if (chart.rows.empty())
        chart.kind = ChartSpec::Kind::none;  // no team and nothing due: a table of totals
    s.lead.push_back(
        fmt::format("{} due by {} (the end of the month of {}): {} overdue, {} coming up. A "
                    "promise or action is for whoever made it, everything else for the owner of "
                    "the client or opportunity, as crm remind mails them.",
                    count_of(r.due.size(), "thing is", "things are"), r.due_until, r.today,
                    figure(overdue), figure(upcoming)));
    s.blocks.push_back(std::move(people));

    // The contacts overdue are the activity section's "past their cadence".
    ReportBlock late;
    late.heading = "Overdue promises, actions, follow-ups and opportunity steps";
    late.table = ReportTable{"overdue-items",
                             "The oldest first",
                             {"Due", "Late", "Teammate", "Type", "Client", "What"},
                             {false, false, false, false, false, false},
                             {},
                             {},
                             {}};
    for (const DueItem& i : r.due) {
        if (!i.overdue(r.today) || i.type == DueType::contact)
            continue;
        const std::string who(i.who());
        late.table->rows.push_back({i.due.iso(), relative_days(i.due, r.today),
                                    who.empty() ? "(nobody)" : who,
                                    std::string(due_type_name(i.type)), i.name, i.what});
    }
    if (late.table->rows.empty())
        late.paragraphs.push_back(overdue == 0 ? "Nothing is overdue."
                                               : "Only contacts are overdue: the clients past "
                                                 "their cadence, below.");
    limit_rows(*late.table,
               fmt::format("crm due --until {} lists them all", r.today.plus_days(-1)));
    s.blocks.push_back(std::move(late));
    return s;
}

ReportSection pipeline_section(const MonthlyReport& r) {
    const Pipeline& p = r.pipeline;
    ReportSection s{"pipeline", "Pipeline and the deal clock", {}, {}};
    s.lead.push_back(fmt::format(
        "{}, value {}, weighted by probability {}.{}",
        count_of(p.open.size(), "open opportunity", "open opportunities"), amount_text(p.value),
        amount_text(p.weighted),
        p.undated > 0 ? " " + count_of(static_cast<std::size_t>(p.undated), "has", "have") +
                            " no expected decision date and no month below."
                      : std::string()));
    ReportBlock months;
    months.heading = "Weighted value by month of expected decision";
    months.table = ReportTable{"pipeline-months",
                               "Open opportunities by month of decision",
                               {"Month", "Opportunities", "Weighted"},
                               {false, true, true},
                               {},
                               {},
                               {}};
    months.chart.kind = ChartSpec::Kind::bars;
    int count = 0;
    double weighted = 0;
    std::string desc;
    for (const MonthTotal& m : p.by_month) {
        months.table->rows.push_back({m.month, figure(m.count), amount_text(m.weighted)});
        months.chart.bars.push_back(
            {m.month, m.weighted, amount_text(m.weighted),
             m.month < r.today.iso().substr(0, 7) ? svg::Colour::orange : svg::Colour::blue});
        desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", m.month, amount_text(m.weighted));
        count += m.count;
        weighted += m.weighted;
    }
    months.table->total = {"Total", figure(count), amount_text(weighted)};
    months.chart.text = {
        "pipeline-chart",
        "Weighted value of open opportunities by month of "
        "expected decision",
        desc.empty() ? "No open opportunity has a decision date." : fmt::format("{}.", desc)};
    if (p.by_month.empty()) {
        months.chart.kind = ChartSpec::Kind::none;
        months.paragraphs.push_back("No open opportunity has an expected decision date.");
    } else if (p.by_month.front().month < r.today.iso().substr(0, 7)) {
        months.paragraphs.push_back(
            "Months before this one (in orange) hold decisions that were expected and have "
            "not been recorded: won, lost or a new date?");
    }
    s.blocks.push_back(std::move(months));

    const DealClock& c = p.clock;
    ReportBlock clock;
    clock.heading = "The deal clock: engaged before the RFP against after it (all history)";
    clock.paragraphs.push_back(fmt::format("{}.", clock_reading(c)));
    clock.table = ReportTable{"deal-clock",
                              "Won and lost opportunities by when we engaged",
                              {"Engaged", "Won", "Lost", "Win rate"},
                              {false, true, true, true},
                              {},
                              {},
                              {}};
    clock.chart.kind = ChartSpec::Kind::stacked;
    clock.chart.series = {{"Won", svg::Colour::green}, {"Lost", svg::Colour::vermillion}};
    for (const auto& [label, side] :
         {std::pair{"Early (before the RFP)", c.early}, std::pair{"Late (RFP out)", c.late}}) {
        clock.table->rows.push_back(
            {label, figure(side.won), figure(side.lost), share(side.won, side.closed())});
        clock.chart.rows.push_back({label,
                                    {static_cast<double>(side.won), static_cast<double>(side.lost)},
                                    fmt::format("won {}", share(side.won, side.closed()))});
    }
    clock.chart.text = {
        "clock-chart", "Won and lost, engaged early against late",
        fmt::format("Engaged early: won {}, lost {}; engaged late: won {}, lost {}.",
                    figure(c.early.won), figure(c.early.lost), figure(c.late.won),
                    figure(c.late.lost))};
    s.blocks.push_back(std::move(clock));
    return s;
}

namespace {

svg::Colour rating_colour(Rating r) {
    switch (r) {
        case Rating::angry:
            return svg::Colour::vermillion;
        case Rating::unhappy:
            return svg::Colour::orange;
        case Rating::neutral:
            return svg::Colour::grey;
        case Rating::happy:
            return svg::Colour::sky_blue;
        case Rating::elated:
            return svg::Colour::blue;
    }
    return svg::Colour::grey;
}

}  // namespace

ReportSection reviews_section(const MonthlyReport& r) {
    const ReviewsSummary& v = r.reviews;
    ReportSection s{"reviews", "Post-project reviews", {}, {}};
    s.lead.push_back(fmt::format(
        "{} from {} to {}; {} of an angry or unhappy review still open, whenever it was.",
        count_of(static_cast<std::size_t>(v.total), "review", "reviews"), r.period.since,
        r.period.until, count_of(v.follow_ups.size(), "follow-up", "follow-ups")));
    ReportBlock spectrum;
    spectrum.table = ReportTable{"reviews-spectrum",
                                 "Reviews of the period, angry to elated",
                                 {"Rating", "Reviews"},
                                 {false, true},
                                 {},
                                 {},
                                 {}};
    spectrum.chart.kind = ChartSpec::Kind::bars;
    std::string desc;
    for (std::size_t i = 0; i < v.counts.size(); ++i) {
        const auto rating = static_cast<Rating>(i);
        const std::string name(rating_name(rating));
        spectrum.table->rows.push_back({name, figure(v.counts[i])});
        spectrum.chart.bars.push_back(
            {name, static_cast<double>(v.counts[i]), {}, rating_colour(rating)});
        desc += fmt::format("{}{} {}", desc.empty() ? "" : ", ", name, figure(v.counts[i]));
    }
    spectrum.table->total = {"Total", figure(v.total)};
    spectrum.chart.text = {"reviews-chart", "The satisfaction spectrum of the period's reviews",
                           fmt::format("{}.", desc)};
    s.blocks.push_back(std::move(spectrum));

    ReportBlock follow;
    follow.heading = "Open follow-ups";
    follow.table = ReportTable{"follow-ups",
                               "Angry and unhappy reviews with no visit since",
                               {"Due", "Client", "Project", "Rating", "Reviewed", "By"},
                               {},
                               {},
                               {},
                               {}};
    for (const FollowUp& f : v.follow_ups) {
        const Review& rv = *f.ref.review;
        follow.table->rows.push_back({f.due.iso() + (f.due < r.today ? " (overdue)" : ""),
                                      f.ref.client->name, rv.project,
                                      std::string(rating_name(rv.rating)), rv.date.iso(), rv.by});
    }
    if (v.follow_ups.empty())
        follow.paragraphs.push_back("None: every angry or unhappy client has been visited since.");
    limit_rows(*follow.table, "crm reviews lists them all");
    s.blocks.push_back(std::move(follow));

    ReportBlock quotes;
    quotes.heading = fmt::format("Testimonials ({})", v.testimonials.size());
    for (const ReviewRef& t : v.testimonials)
        quotes.quotes.push_back(
            {t.review->testimonial,
             fmt::format("{}{} ({})", t.client->name,
                         t.review->project.empty() ? "" : ", " + t.review->project,
                         t.review->date)});
    if (v.testimonials.empty())
        quotes.paragraphs.push_back("None in the period.");
    s.blocks.push_back(std::move(quotes));

    ReportBlock refs;
    refs.heading = "Referrals";
    refs.table = ReportTable{"referrals",
                             "Referrals the period's reviews gave",
                             {"Date", "Client", "Referral"},
                             {},
                             {},
                             {},
                             {}};
    for (const ReviewRef& ref : v.referrals)
        for (const auto& who : ref.review->referrals)
            refs.table->rows.push_back({ref.review->date.iso(), ref.client->name, who});
    if (refs.table->rows.empty())
        refs.paragraphs.push_back("None in the period.");
    limit_rows(*refs.table, fmt::format("crm reviews --since {} lists them all", r.period.since));
    s.blocks.push_back(std::move(refs));
    return s;
}

}  // namespace crm::render::page
