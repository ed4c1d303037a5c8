#pragma once
// The partners' page (`crm report`) as sections of words, charts and tables, before it is
// written as HTML (report_html.hpp) or Markdown (report_markdown.hpp): both writers take
// the same tables, so the two never disagree, and every chart is drawn from the figures of
// the table beside it. Text from the folder stays raw here; each writer escapes it.
#include <optional>
#include <string>
#include <vector>

#include "crm/render/svg_chart.hpp"
#include "crm/reports/monthly.hpp"

namespace crm::render {

struct ReportTable {
    std::string id;  // unique in the page: the HTML table's id
    std::string caption;
    std::vector<std::string> headers;
    std::vector<bool> numeric;  // columns of figures, aligned right
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> total;  // a last row of totals; empty: none
    std::string more;                // what was left out, and which command lists it
};

// A chart to draw beside a table: one of the three kinds of svg_chart.hpp.
struct ChartSpec {
    enum class Kind { none, bars, stacked, scatter };
    Kind kind = Kind::none;
    svg::ChartText text;
    std::vector<svg::Bar> bars;
    std::vector<svg::Series> series;
    std::vector<svg::StackedRow> rows;
    svg::Axis x, y;
    std::vector<svg::ScatterSeries> scatter_series;
    std::vector<svg::ScatterPoint> points;
    std::vector<svg::Band> bands;

    // The SVG; empty for none.
    std::string svg() const;
};

struct Quote {
    std::string text;
    std::string source;  // "Acme Engineering, Bridge retrofit (2026-10-12)"
};

struct ReportBlock {
    std::string heading;  // empty: none
    std::vector<std::string> paragraphs;
    ChartSpec chart;  // beside the table
    std::optional<ReportTable> table;
    std::vector<Quote> quotes;
};

struct ReportSection {
    std::string id;  // the anchor, unique in the page
    std::string title;
    std::vector<std::string> lead;
    std::vector<ReportBlock> blocks;
};

struct ReportPage {
    std::string title;
    std::string subtitle;
    std::vector<ReportSection> sections;
};

// "October 2026", or "2026-08-01 to 2026-11-23" for a period that is not one month.
std::string period_name(const ReportPeriod& p);

// The whole page: due per teammate, pipeline and deal clock, reviews, portfolio, funnel,
// contact activity and clients past their cadence, what changed.
ReportPage report_page(const MonthlyReport& r);

// One teammate's part of it, for their reminder (`crm remind --html`): their items due,
// their contacts per week of the period, their clients past their cadence. `person` as
// crm.yaml's team writes it.
ReportPage person_page(const MonthlyReport& r, const std::string& person);

// Longest lists the page shows in full; the rest is counted, with the command that lists it.
inline constexpr std::size_t kListLimit = 25;

}  // namespace crm::render
