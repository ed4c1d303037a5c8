#include "crm/render/report_page.hpp"

#include <cstdio>

#include "crm/render/numbers.hpp"
#include "crm/reports/remind.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "report_parts.hpp"

namespace crm::render {

namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

}  // namespace

namespace page {

std::string count_of(std::size_t n, const std::string& one, const std::string& many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string day_month(Date d) {
    return fmt::format("{} {}", d.day(), std::string(kMonths[d.month() - 1]).substr(0, 3));
}

std::string share(int part, int whole) {
    if (whole <= 0)
        return "-";
    return fmt::format("{}%", (part * 100 + whole / 2) / whole);
}

std::string person_label(const std::string& person, bool in_team) {
    if (person.empty())
        return "(nobody)";
    return in_team ? person : fmt::format("{} (not in the team)", person);
}

void limit_rows(ReportTable& t, const std::string& where) {
    if (t.rows.size() <= kListLimit)
        return;
    const std::size_t left_out = t.rows.size() - kListLimit;
    t.rows.resize(kListLimit);
    t.more = fmt::format("and {} more: {}", left_out, where);
}

}  // namespace page

std::string period_name(const ReportPeriod& p) {
    const auto month = month_period(p.since.year(), p.since.month());
    if (month && *month == p)
        return fmt::format("{} {}", kMonths[p.since.month() - 1], p.since.year());
    return fmt::format("{} to {}", p.since, p.until);
}

std::string ChartSpec::svg() const {
    switch (kind) {
        case Kind::none:
            return {};
        case Kind::bars:
            return svg::bar_chart(text, bars);
        case Kind::stacked:
            return svg::stacked_bar_chart(text, series, rows);
        case Kind::scatter:
            return svg::scatter_chart(text, x, y, scatter_series, points, bands);
    }
    return {};
}

ReportPage report_page(const MonthlyReport& r) {
    ReportPage p;
    p.title = fmt::format("Partners' report: {}", period_name(r.period));
    p.subtitle = fmt::format(
        "From {} to {}, as of {}; {}. What is due, the pipeline, the portfolio and the funnel "
        "stand as of today; reviews, contacts and changes are the period's.",
        r.period.since, r.period.until, r.today,
        page::count_of(static_cast<std::size_t>(r.clients), "client", "clients"));
    p.sections = {page::due_section(r),       page::pipeline_section(r), page::reviews_section(r),
                  page::portfolio_section(r), page::funnel_section(r),   page::activity_section(r),
                  page::changes_section(r)};
    return p;
}

ReportPage person_page(const MonthlyReport& r, const std::string& person) {
    using page::count_of;
    ReportPage p;
    p.title = fmt::format("{}: due by {}", person, r.due_until);
    p.subtitle = fmt::format("Your part of the partners' report, as of {}.", r.today);

    ReportSection due{"due", "What is due", {}, {}};
    const auto items = r.items_of(person);
    std::size_t overdue = 0;
    ReportBlock list;
    list.table = ReportTable{"person-items",
                             fmt::format("Your items due by {}", r.due_until),
                             {"Due", "When", "Type", "Client", "What"},
                             {},
                             {},
                             {},
                             {}};
    for (const DueItem& i : items) {
        overdue += i.overdue(r.today) ? 1 : 0;
        list.table->rows.push_back({i.due.iso(), relative_days(i.due, r.today),
                                    std::string(due_type_name(i.type)), i.name, i.what});
    }
    due.lead.push_back(fmt::format("{} due by {}: {} overdue, {} coming up.",
                                   count_of(items.size(), "thing", "things"), r.due_until, overdue,
                                   items.size() - overdue));
    for (const auto& d : r.due_people) {
        if (same_person(d.person, person) && d.clients_tracked > 0)
            due.lead.push_back(fmt::format(
                "{} of your {} are past their cadence (the contact rows above).", d.past_cadence,
                count_of(static_cast<std::size_t>(d.clients_tracked), "client", "clients")));
    }
    if (!items.empty())
        due.blocks.push_back(std::move(list));
    p.sections.push_back(std::move(due));

    ReportSection activity{
        "activity", fmt::format("Your contacts, {}", period_name(r.period)), {}, {}};
    ReportBlock weeks;
    weeks.table = ReportTable{"person-activity",
                              "Contacts you logged per week (weeks start on "
                              "Monday)",
                              {"Week of", "Contacts"},
                              {false, true},
                              {},
                              {},
                              {}};
    weeks.chart.kind = ChartSpec::Kind::bars;
    weeks.chart.text = {"person-activity-chart",
                        fmt::format("Contacts logged per week, {}", person), ""};
    const PersonActivity* a = r.activity_of(person);
    std::string desc;
    for (std::size_t w = 0; w < r.weeks.size(); ++w) {
        const int n = a ? a->weeks[w] : 0;
        weeks.table->rows.push_back({page::day_month(r.weeks[w]), std::to_string(n)});
        weeks.chart.bars.push_back(
            {page::day_month(r.weeks[w]), static_cast<double>(n), {}, svg::Colour::blue});
        desc += fmt::format("{}week of {}: {}", desc.empty() ? "" : "; ",
                            page::day_month(r.weeks[w]), n);
    }
    weeks.chart.text.desc = fmt::format("{}.", desc);
    weeks.table->total = {"Total", std::to_string(a ? a->total : 0)};
    activity.lead.push_back(
        fmt::format("{} logged from {} to {}.",
                    count_of(static_cast<std::size_t>(a ? a->total : 0), "contact", "contacts"),
                    r.period.since, r.period.until));
    activity.blocks.push_back(std::move(weeks));
    p.sections.push_back(std::move(activity));
    return p;
}

}  // namespace crm::render
