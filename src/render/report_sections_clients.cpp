// The sections of the partners' page about the clients: the portfolio's action categories,
// the funnel, contact activity and the clients past their cadence, what changed.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "crm/render/numbers.hpp"
#include "crm/util/format.hpp"

#include "report_parts.hpp"

namespace crm::render::page {

namespace {

std::string figure(int n) {
    return std::to_string(n);
}

std::string size_figure(std::size_t n) {
    return std::to_string(n);
}

enum Placement : std::size_t { in_band, higher, lower, inactive, kPlacements };

}  // namespace

ReportSection portfolio_section(const MonthlyReport& r) {
    const Portfolio& p = r.portfolio;
    ReportSection s{"portfolio", "Portfolio: action categories", {}, {}};
    std::set<std::string> inactive;
    for (const auto& f : r.funnel)
        if (f.inactive)
            inactive.insert(f.stage);
    auto position = [&](const std::string& tier) {
        for (std::size_t i = 0; i < p.groups.size(); ++i)
            if (p.groups[i].tier == tier)
                return i;
        return p.groups.size();
    };

    ReportBlock tiers;
    tiers.table = ReportTable{"portfolio-tiers",
                              "Clients per tier, and where their ratings place them",
                              {"Tier", "Cadence", "Clients", "Scored", "Suggest a higher tier",
                               "Suggest a lower tier", "Not fully rated", "Won, last 12 months"},
                              {false, false, true, true, true, true, true, true},
                              {},
                              {},
                              {}};
    auto& chart = tiers.chart;
    chart.kind = ChartSpec::Kind::scatter;
    chart.scatter_series = {
        {"In its tier's band", svg::Colour::blue, svg::Marker::circle},
        {"Ratings suggest a higher tier", svg::Colour::green, svg::Marker::triangle_up},
        {"Ratings suggest a lower tier", svg::Colour::vermillion, svg::Marker::triangle_down},
        {"Former or lost (never flagged)", svg::Colour::grey, svg::Marker::diamond}};
    std::map<std::tuple<int, std::size_t, std::size_t>, int> at;  // score, tier, placement
    const std::size_t n = p.groups.size();
    int flagged_total = 0, unrated_total = 0;
    std::string desc;
    for (std::size_t g = 0; g < n; ++g) {
        const PortfolioGroup& group = p.groups[g];
        int scored = 0, up = 0, down = 0, unrated = 0;
        double won = 0;
        for (const PortfolioRow& row : group.rows) {
            won += row.won_12m;
            if (!row.score) {
                ++unrated;
                continue;
            }
            ++scored;
            std::size_t placement = in_band;
            if (row.suggestion)
                placement = position(*row.suggestion) < g ? higher : lower;
            else if (inactive.count(row.stage))
                placement = Placement::inactive;
            up += placement == higher ? 1 : 0;
            down += placement == lower ? 1 : 0;
            ++at[{*row.score, g, placement}];
        }
        flagged_total += up + down;
        unrated_total += unrated;
        tiers.table->rows.push_back({group.tier + (group.configured ? "" : " (not in crm.yaml)"),
                                     group.every ? group.every->str() : "-",
                                     size_figure(group.rows.size()), figure(scored), figure(up),
                                     figure(down), figure(unrated), amount_text(won)});
        desc += fmt::format("{}tier {}: {} clients, {} suggest a higher tier, {} a lower one",
                            desc.empty() ? "" : "; ", group.tier, size_figure(group.rows.size()),
                            figure(up), figure(down));
        chart.y.ticks.push_back({static_cast<double>(n - 1 - g), group.tier});
    }
    for (const auto& [key, count] : at) {
        const auto& [score, g, placement] = key;
        chart.points.push_back(
            {static_cast<double>(score), static_cast<double>(n - 1 - g), placement, count});
    }
    chart.x = {"Score: potential + compatibility + profitability (1-5 each)", 2.5, 15.5, {}};
    for (int t = 3; t <= 15; t += 2)
        chart.x.ticks.push_back({static_cast<double>(t), std::to_string(t)});
    chart.y.title = "Tier (action category)";
    chart.y.min = -0.6;
    chart.y.max = static_cast<double>(n) - 0.4;
    // The bands of the first tiers; later tiers share the last band.
    for (std::size_t b = 0; b < std::size(kTierBands) && b < n; ++b) {
        std::string names = p.groups[b].tier;
        for (std::size_t later = b + 1; b + 1 == std::size(kTierBands) && later < n; ++later)
            if (p.groups[later].configured)
                names += fmt::format(", {}", p.groups[later].tier);
        chart.bands.push_back(
            {kTierBands[b].min - 0.5, kTierBands[b].max + 0.5,
             fmt::format("{}: {}-{}", names, kTierBands[b].min, kTierBands[b].max)});
    }
    chart.text = {"portfolio-chart", "Clients placed by the sum of their ratings, in their tiers",
                  fmt::format("{}. Clients without all three ratings are not placed.", desc)};
    s.lead.push_back(
        fmt::format("Each client is placed by the sum of its three ratings (potential, "
                    "compatibility, profitability, 1-5 each): 13-15 suggests the first tier, 9-12 "
                    "the second, 3-8 the third. {} another tier; {} not fully rated.",
                    count_of(static_cast<std::size_t>(flagged_total), "client's ratings suggest",
                             "clients' ratings suggest"),
                    count_of(static_cast<std::size_t>(unrated_total), "client is", "clients are")));
    s.blocks.push_back(std::move(tiers));

    ReportBlock flagged;
    flagged.heading = "Ratings suggest another tier";
    flagged.table = ReportTable{"portfolio-flagged",
                                "Clients to move, or to rate again",
                                {"Client", "Stage", "Tier", "Score", "Suggested tier"},
                                {false, false, false, true, false},
                                {},
                                {},
                                {}};
    for (const PortfolioRow* row : p.flagged)
        flagged.table->rows.push_back(
            {row->name, row->stage, row->tier, figure(*row->score), *row->suggestion});
    if (p.flagged.empty())
        flagged.paragraphs.push_back("None: every rated client sits in its tier's band.");
    limit_rows(*flagged.table, "crm portfolio lists them all");
    s.blocks.push_back(std::move(flagged));
    return s;
}

ReportSection funnel_section(const MonthlyReport& r) {
    ReportSection s{"funnel", "The funnel", {}, {}};
    ReportBlock stages;
    stages.table = ReportTable{"funnel-stages",
                               "Clients per stage, and how long they have been there",
                               {"Stage", "Clients", "Median time there", "Longest there"},
                               {false, true, false, false},
                               {},
                               {},
                               {}};
    stages.chart.kind = ChartSpec::Kind::bars;
    std::size_t total = 0, inactive = 0;
    std::string desc;
    for (const FunnelStage& f : r.funnel) {
        std::vector<int> days;
        for (const auto& e : f.entries)
            if (e.days)
                days.push_back(*e.days);
        std::sort(days.begin(), days.end());
        const std::string median = days.empty() ? "-" : duration_words(days[days.size() / 2]);
        const std::string longest =
            f.entries.empty()
                ? "-"
                : f.entries.front().client->name +
                      (f.entries.front().days
                           ? fmt::format(" ({})", duration_words(*f.entries.front().days))
                           : "");
        const std::string label = f.stage + (!f.configured ? " (not in crm.yaml)"
                                             : f.inactive  ? " (inactive)"
                                                           : "");
        stages.table->rows.push_back({label, size_figure(f.entries.size()), median, longest});
        stages.chart.bars.push_back({f.stage,
                                     static_cast<double>(f.entries.size()),
                                     {},
                                     !f.configured ? svg::Colour::orange
                                     : f.inactive  ? svg::Colour::grey
                                                   : svg::Colour::blue});
        desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", f.stage,
                            size_figure(f.entries.size()));
        total += f.entries.size();
        inactive += f.inactive ? f.entries.size() : 0;
    }
    stages.table->total = {"Total", size_figure(total), "", ""};
    stages.chart.text = {"funnel-chart", "Clients per stage of the funnel",
                         fmt::format("{}.", desc)};
    s.lead.push_back(
        fmt::format("{}, {} of them in inactive stages (grey). Time in a stage counts from its "
                    "stage_since, else the last commit that changed it, else since.",
                    count_of(total, "client", "clients"), size_figure(inactive)));
    s.blocks.push_back(std::move(stages));
    return s;
}

ReportSection activity_section(const MonthlyReport& r) {
    ReportSection s{"activity", "Contact activity, and clients past their cadence", {}, {}};
    ReportBlock weeks;
    std::vector<std::string> headers{"Teammate"};
    std::vector<bool> numeric{false};
    for (Date w : r.weeks) {
        headers.push_back(day_month(std::max(w, r.period.since)));
        numeric.push_back(true);
        weeks.chart.series.push_back({headers.back(), weeks.chart.series.size() % 2
                                                          ? svg::Colour::sky_blue
                                                          : svg::Colour::blue});
    }
    headers.push_back("Total");
    numeric.push_back(true);
    weeks.table = ReportTable{"activity-weeks",
                              "Contacts logged per teammate per week (weeks start on "
                              "Monday; a column is named by its first day in the period)",
                              headers,
                              numeric,
                              {},
                              {},
                              {}};
    weeks.chart.kind = ChartSpec::Kind::stacked;
    std::vector<int> per_week(r.weeks.size());
    int total = 0;
    std::string desc;
    for (const PersonActivity& a : r.activity) {
        const std::string who = person_label(a.person, a.in_team);
        std::vector<std::string> row{who};
        std::vector<double> values;
        for (std::size_t w = 0; w < a.weeks.size(); ++w) {
            row.push_back(figure(a.weeks[w]));
            values.push_back(a.weeks[w]);
            per_week[w] += a.weeks[w];
        }
        row.push_back(figure(a.total));
        total += a.total;
        weeks.table->rows.push_back(std::move(row));
        weeks.chart.rows.push_back({who, values, figure(a.total)});
        desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", who, figure(a.total));
    }
    weeks.table->total = {"Total"};
    for (int n : per_week)
        weeks.table->total.push_back(figure(n));
    weeks.table->total.push_back(figure(total));
    if (weeks.chart.rows.empty())
        weeks.chart.kind = ChartSpec::Kind::none;
    weeks.chart.text = {"activity-chart", "Contacts logged per teammate, week by week",
                        fmt::format("Contacts in the period: {}. Each bar's segments are its weeks "
                                    "in order; the table gives each week's count.",
                                    desc)};
    s.lead.push_back(
        fmt::format("{} logged from {} to {}: every visit, call, meeting, e-mail or other contact "
                    "file counts once, for its author.",
                    count_of(static_cast<std::size_t>(total), "contact", "contacts"),
                    r.period.since, r.period.until));
    s.blocks.push_back(std::move(weeks));

    ReportBlock cadence;
    cadence.heading = "Clients past their cadence";
    cadence.table = ReportTable{"cadence-people",
                                "Clients each owner keeps in touch with, and "
                                "those whose next contact is overdue",
                                {"Owner", "Clients tracked", "Past their cadence", "Share"},
                                {false, true, true, true},
                                {},
                                {},
                                {}};
    cadence.chart.kind = ChartSpec::Kind::stacked;
    cadence.chart.series = {{"Past their cadence", svg::Colour::vermillion},
                            {"Within it", svg::Colour::blue}};
    int tracked = 0, past = 0;
    desc.clear();
    for (const PersonDue& d : r.due_people) {
        if (d.clients_tracked == 0 && !d.in_team)
            continue;
        const std::string who = person_label(d.person, d.in_team);
        cadence.table->rows.push_back({who, figure(d.clients_tracked), figure(d.past_cadence),
                                       share(d.past_cadence, d.clients_tracked)});
        cadence.chart.rows.push_back(
            {who,
             {static_cast<double>(d.past_cadence),
              static_cast<double>(d.clients_tracked - d.past_cadence)},
             fmt::format("{} past", share(d.past_cadence, d.clients_tracked))});
        desc += fmt::format("{}{}: {} of {}", desc.empty() ? "" : "; ", who, figure(d.past_cadence),
                            figure(d.clients_tracked));
        tracked += d.clients_tracked;
        past += d.past_cadence;
    }
    cadence.table->total = {"Total", figure(tracked), figure(past), share(past, tracked)};
    if (cadence.chart.rows.empty())
        cadence.chart.kind = ChartSpec::Kind::none;
    cadence.chart.text = {"cadence-chart", "Clients past their cadence per owner",
                          fmt::format("Past their cadence: {}.", desc)};
    s.blocks.push_back(std::move(cadence));

    ReportBlock list;
    list.table = ReportTable{"past-cadence",
                             "The longest overdue first",
                             {"Client", "Owner", "Last contact", "Next contact was due", "Late"},
                             {},
                             {},
                             {},
                             {}};
    for (const DueItem& i : r.past_cadence)
        list.table->rows.push_back({i.name, i.owner.empty() ? "(nobody)" : i.owner,
                                    i.last_contact ? i.last_contact->iso() : "never", i.due.iso(),
                                    relative_days(i.due, r.today)});
    limit_rows(*list.table,
               fmt::format("crm due --until {} lists them all", r.today.plus_days(-1)));
    s.blocks.push_back(std::move(list));
    return s;
}

ReportSection changes_section(const MonthlyReport& r) {
    const FolderChanges& c = r.changes;
    ReportSection s{"changes", fmt::format("What changed, {}", period_name(r.period)), {}, {}};
    if (!c.known) {
        s.lead.push_back(fmt::format("{}: crm cannot tell what changed in the period.", c.why_not));
        return s;
    }
    struct Kind {
        const char* name;
        const char* id;
        std::vector<std::string> headers;
        ChangeKind kind;
        svg::Colour colour;
    };
    const Kind kinds[] = {{"New clients",
                           "changes-new",
                           {"Date", "Client", "Stage", "By"},
                           ChangeKind::new_client,
                           svg::Colour::blue},
                          {"Stage moves",
                           "changes-stages",
                           {"Date", "Client", "From", "To", "By"},
                           ChangeKind::stage_move,
                           svg::Colour::sky_blue},
                          {"Opportunities won",
                           "changes-won",
                           {"Date", "Client", "Opportunity", "Value", "By"},
                           ChangeKind::won,
                           svg::Colour::green},
                          {"Opportunities lost",
                           "changes-lost",
                           {"Date", "Client", "Opportunity", "Value", "Reason", "By"},
                           ChangeKind::lost,
                           svg::Colour::vermillion}};
    ReportBlock summary;
    summary.table = ReportTable{"changes-summary",
                                "Changes the folder's git history records",
                                {"Change", "Count", "Value"},
                                {false, true, true},
                                {},
                                {},
                                {}};
    summary.chart.kind = ChartSpec::Kind::bars;
    std::vector<ReportBlock> details;
    std::string desc;
    for (const Kind& k : kinds) {
        ReportBlock b;
        b.heading = k.name;
        b.table = ReportTable{k.id, "", k.headers, {}, {}, {}, {}};
        double value = 0;
        for (const FolderChange& f : c.items) {
            if (f.kind != k.kind)
                continue;
            const std::string shown = f.value ? amount_text(*f.value) : "";
            value += f.value.value_or(0);
            std::vector<std::string> row{f.date.iso(), f.client};
            if (k.kind == ChangeKind::new_client)
                row.push_back(f.to);
            else if (k.kind == ChangeKind::stage_move)
                row.insert(row.end(), {f.from, f.to});
            else
                row.insert(row.end(), {f.title, shown});
            if (k.kind == ChangeKind::lost)
                row.push_back(f.reason);
            row.push_back(f.author);
            b.table->rows.push_back(std::move(row));
        }
        const std::size_t count = b.table->rows.size();
        const bool money = k.kind == ChangeKind::won || k.kind == ChangeKind::lost;
        summary.table->rows.push_back(
            {k.name, size_figure(count), money ? amount_text(value) : ""});
        summary.chart.bars.push_back({k.name, static_cast<double>(count), {}, k.colour});
        desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", k.name, size_figure(count));
        limit_rows(*b.table, fmt::format("crm log --since {} shows every commit", r.period.since));
        if (count > 0)
            details.push_back(std::move(b));
    }
    summary.chart.text = {"changes-chart", "Changes in the period", fmt::format("{}.", desc)};
    s.lead.push_back(
        fmt::format("From the folder's git history, commits authored from {} to {}: {}.",
                    r.period.since, r.period.until, desc));
    s.blocks.push_back(std::move(summary));
    for (auto& b : details)
        s.blocks.push_back(std::move(b));
    return s;
}

}  // namespace crm::render::page
