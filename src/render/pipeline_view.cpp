#include "crm/render/pipeline_view.hpp"

#include <algorithm>
#include <cmath>

#include "crm/formats/json.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/render/bar_chart.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/numbers.hpp"
#include "crm/render/wrap.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

std::string months_text(double months) {
    return fmt::format("{:.1f}", months);
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string side(const char* label, const ClockSide& s) {
    return fmt::format("{}: won {} of {}", label, s.won, s.closed());
}

// The RFP as the clock sees it: out since a day, or expected on one.
std::string rfp_cell(const Opportunity& o) {
    if (o.rfp_since)
        return fmt::format("{} out", *o.rfp_since);
    return o.rfp_expected ? o.rfp_expected->iso() : "";
}

std::string summary_line(const Pipeline& p, Date today) {
    return fmt::format("Pipeline as of {}: {}, value {}, weighted {}", today,
                       plural(p.open.size(), "open opportunity", "open opportunities"),
                       amount_text(p.value), amount_text(p.weighted));
}

// An open opportunity and whether it is the first of its stage (the table names the
// stage once).
struct Line {
    const PipelineRow* row;
    bool first;
    const Opportunity& o() const { return *row->opportunity; }
};

std::vector<Line> lines_of(const Pipeline& p) {
    std::vector<Line> out;
    const std::string* stage = nullptr;
    for (const auto& r : p.open) {
        out.push_back({&r, !stage || *stage != r.stage});
        stage = &r.stage;
    }
    return out;
}

std::string date_text(const std::optional<Date>& d) {
    return d ? d->iso() : std::string();
}

// The open opportunities as a table and as CSV (the JSON, nested, has its own writer
// below). A narrow terminal loses the probability (the weighted value says it again),
// the RFP's date (the months before it say how early we were), then the months and the
// stage; the client and the title wrap.
Columns<Line> open_columns() {
    return {
        {"",
         "STAGE",
         {Role::label, 0, 4},
         [](const Line& l) {
             return Cell{l.first ? l.row->stage : "", Style::cyan};
         }},
        {"client", "", {}, [](const Line& l) { return Cell{l.row->client}; }},
        {"",
         "CLIENT",
         {Role::reading, 10},
         [](const Line& l) {
             return Cell{l.row->name, Style::bold};
         }},
        {"title", "TITLE", {Role::reading}, [](const Line& l) { return Cell{l.o().title}; }},
        {"stage", "", {}, [](const Line& l) { return Cell{l.row->stage}; }},
        {"value",
         "VALUE",
         {Role::number},
         [](const Line& l) { return Cell{l.o().value ? amount_text(l.o().value->amount) : "?"}; },
         [](const Line& l) { return l.o().value ? money_text(*l.o().value) : ""; }},
        {"probability",
         "%",
         {Role::number, 0, 1},
         [](const Line& l) {
             return Cell{std::to_string(l.row->probability),
                         l.o().probability ? Style::none : Style::dim};
         }},
        {"weighted",
         "WEIGHTED",
         {Role::number},
         [](const Line& l) { return Cell{l.row->weighted ? amount_text(*l.row->weighted) : ""}; },
         [](const Line& l) { return l.row->weighted ? money_text(Money{*l.row->weighted}) : ""; }},
        {"rfp_expected",
         "RFP",
         {Role::flag, 0, 2},
         [](const Line& l) { return Cell{rfp_cell(l.o())}; },
         [](const Line& l) { return date_text(l.o().rfp_expected); }},
        {"decision_expected",
         "DECISION",
         {Role::date, 0, 5},
         [](const Line& l) { return Cell{date_text(l.o().decision_expected)}; }},
        {"engaged", "", {}, [](const Line& l) { return Cell{date_text(l.row->engaged)}; }},
        {"months_before_rfp",
         "BEFORE RFP",
         {Role::number, 0, 3},
         [](const Line& l) {
             const auto& months = l.row->months_before_rfp;
             return Cell{months ? fmt::format("{} mo", months_text(*months)) : "",
                         months && *months <= 0 ? Style::yellow : Style::green};
         },
         [](const Line& l) {
             const auto& months = l.row->months_before_rfp;
             return months ? months_text(*months) : std::string();
         }},
    };
}

std::string open_tables(const Pipeline& p, const Styler& st, int width) {
    return table(lines_of(p), open_columns(), st, width);
}

std::string month_chart(const Pipeline& p, const Styler& st, int width) {
    if (p.by_month.empty())
        return {};
    BarChart chart;
    for (const auto& m : p.by_month) {
        // Bars count in whole units; a month past two billion is drawn as full.
        const double units = std::min(m.weighted, 2e9);
        chart.add({m.month, static_cast<int>(std::lround(units)), Style::green,
                   plural(static_cast<std::size_t>(m.count), "opportunity", "opportunities")},
                  amount_text(m.weighted));
    }
    std::string out = fmt::format(
        "\n{}{}", st(wrap("Weighted value by month of expected decision", width), Style::bold),
        chart.render(st, width));
    if (p.undated > 0) {
        out += st(wrap(fmt::format("{} no decision_expected",
                                   plural(static_cast<std::size_t>(p.undated),
                                          "open opportunity has", "open opportunities have")),
                       width),
                  Style::dim);
    }
    return out;
}

formats::Json optional_number(const std::optional<double>& v) {
    return v ? formats::number_json(*v) : formats::Json(nullptr);
}

}  // namespace

std::string clock_reading(const DealClock& c) {
    if (c.early.closed() == 0 && c.late.closed() == 0)
        return "no opportunity won or lost with an RFP date yet";
    return fmt::format("{}; {}", side("engaged early", c.early), side("late", c.late));
}

std::string pipeline_table(const Pipeline& p, Date today, const Styler& st, int width) {
    std::string out;
    if (p.open.empty()) {
        out = fmt::format(
            "{} as of {}{}", st("No open opportunities", Style::bold), today,
            st(wrap("; log one with 'crm opportunity add CLIENT TITLE'", width), Style::dim));
    } else {
        out = st(wrap(summary_line(p, today), width), Style::bold) + open_tables(p, st, width) +
              month_chart(p, st, width);
    }
    return fmt::format("{}\n{} {}\n{}", out, st("Deal clock", Style::bold),
                       st("(won and lost, all history)", Style::dim),
                       wrap(clock_reading(p.clock), width, "  "));
}

std::string pipeline_json(const Pipeline& p, Date today) {
    formats::Json open = formats::Json::array();
    for (const auto& r : p.open) {
        const Opportunity& o = *r.opportunity;
        open.push_back(
            {{"client", r.client},
             {"title", o.title},
             {"stage", r.stage},
             {"value", o.value ? formats::number_json(o.value->amount) : formats::Json(nullptr)},
             {"probability", r.probability},
             {"weighted", optional_number(r.weighted)},
             {"rfp_expected", formats::date_or_null(o.rfp_expected)},
             {"decision_expected", formats::date_or_null(o.decision_expected)},
             {"engaged", formats::date_or_null(r.engaged)},
             {"months_before_rfp", optional_number(r.months_before_rfp)}});
    }
    formats::Json months = formats::Json::array();
    for (const auto& m : p.by_month)
        months.push_back({{"month", m.month},
                          {"count", m.count},
                          {"weighted", formats::number_json(m.weighted)}});
    auto side_json = [](const ClockSide& s) {
        return formats::Json{{"won", s.won}, {"lost", s.lost}};
    };
    return formats::dump(
        {{"as_of", today.iso()},
         {"open", open},
         {"by_month", months},
         {"clock", {{"early", side_json(p.clock.early)}, {"late", side_json(p.clock.late)}}}});
}

std::string pipeline_csv(const Pipeline& p) {
    return csv(lines_of(p), open_columns());
}

}  // namespace crm::render
