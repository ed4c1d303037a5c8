#include "crm/render/pipeline_view.hpp"

#include <algorithm>
#include <cmath>

#include "crm/formats/csv.hpp"
#include "crm/formats/json.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/render/bar_chart.hpp"
#include "crm/render/numbers.hpp"
#include "crm/render/table.hpp"
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

// `compact`: without the probability (the weighted value says it again) and the RFP's
// date (the months before it say how early we were), for a terminal the whole table
// does not fit; the names then share what is left.
Table open_table(const Pipeline& p, bool compact) {
    std::vector<std::string> headers{"STAGE", "CLIENT", "TITLE", "VALUE"};
    if (!compact)
        headers.push_back("%");
    headers.push_back("WEIGHTED");
    if (!compact)
        headers.push_back("RFP");
    headers.push_back("DECISION");
    headers.push_back("BEFORE RFP");
    Table t(headers);
    t.flexible(1);
    t.flexible(2, 12);
    for (std::size_t c = 3; c < headers.size(); ++c)
        if (headers[c] != "RFP" && headers[c] != "DECISION")
            t.right_align(c);
    std::string stage;
    for (const auto& r : p.open) {
        const Opportunity& o = *r.opportunity;
        const bool first = r.stage != stage;
        stage = r.stage;
        const auto& months = r.months_before_rfp;
        std::vector<Cell> row{{first ? r.stage : "", Style::cyan},
                              {r.name, Style::bold},
                              {o.title},
                              {o.value ? amount_text(o.value->amount) : "?"}};
        if (!compact)
            row.push_back(
                {std::to_string(r.probability), o.probability ? Style::none : Style::dim});
        row.push_back({r.weighted ? amount_text(*r.weighted) : ""});
        if (!compact)
            row.push_back({rfp_cell(o)});
        row.push_back({o.decision_expected ? o.decision_expected->iso() : ""});
        row.push_back({months ? fmt::format("{} mo", months_text(*months)) : "",
                       months && *months <= 0 ? Style::yellow : Style::green});
        t.add(std::move(row));
    }
    return t;
}

int widest_line(const std::string& text) {
    int widest = 0;
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
        end = std::min(text.find('\n', start), text.size());
        widest = std::max(widest, display_width(std::string_view(text).substr(start, end - start)));
    }
    return widest;
}

std::string open_tables(const Pipeline& p, const Styler& st, int width) {
    Table full = open_table(p, false);
    if (width > 0 && widest_line(full.render(Styler(false), 0)) > width)
        return open_table(p, true).render(st, width);
    return full.render(st, width);
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
    std::string out =
        formats::csv_row({"client", "title", "stage", "value", "probability", "weighted",
                          "rfp_expected", "decision_expected", "engaged", "months_before_rfp"});
    auto date = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    for (const auto& r : p.open) {
        const Opportunity& o = *r.opportunity;
        out += formats::csv_row({r.client, o.title, r.stage, o.value ? money_text(*o.value) : "",
                                 std::to_string(r.probability),
                                 r.weighted ? money_text(Money{*r.weighted}) : "",
                                 date(o.rfp_expected), date(o.decision_expected), date(r.engaged),
                                 r.months_before_rfp ? months_text(*r.months_before_rfp) : ""});
    }
    return out;
}

}  // namespace crm::render
