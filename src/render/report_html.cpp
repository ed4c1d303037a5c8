#include "crm/render/report_html.hpp"

#include "crm/render/html_text.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

namespace {

// A chart and its table side by side when both fit (a table's basis is its own width, so
// a wide one goes below its chart rather than scroll on a wide screen).
// Phones: every flex item may shrink below its content (min-width: 0), charts scale to
// their column, tables of figures scroll inside their box and lists reflow into one block
// per row, each value named by its column (data-label), long words break. Print: A4, a section per
// page, boxes unscrolled and tables full width so nothing is cut.
constexpr const char* kStyle = R"(:root{color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
header.page,main,footer.page{max-width:1200px;margin:0 auto;padding:0 20px}
h1{font-size:1.6rem;line-height:1.25;margin:24px 0 6px}
h2{font-size:1.3rem;line-height:1.3;margin:14px 0 6px}
h3{font-size:1.05rem;margin:20px 0 6px}
p{margin:6px 0;max-width:80ch}
.sub,.more,caption,figcaption{color:#4d4d4d}
nav ul{list-style:none;padding:0;margin:8px 0 18px;display:flex;flex-wrap:wrap;gap:4px 18px}
nav a{color:#0b4f8a}
section{border-top:2px solid #1a1a1a;padding:2px 0 26px}
.pair{display:flex;flex-wrap:wrap;gap:12px 28px;align-items:flex-start;margin:6px 0}
.pair>figure{flex:1 1 420px;min-width:0;max-width:560px;margin:0}
.pair>.table-box{flex:1 1 auto;min-width:0}
svg.chart{display:block;width:100%;height:auto}
.table-box{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin:2px 0}
caption{text-align:left;font-size:.9rem;padding-bottom:4px}
th,td{padding:4px 12px 4px 0;border-bottom:1px solid #d0d0d0;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #1a1a1a;font-weight:600}
tbody th{font-weight:400}
tfoot th,tfoot td{border-top:2px solid #1a1a1a;font-weight:600}
.num{text-align:right;white-space:nowrap}
.day{white-space:nowrap}
.more{font-size:.9rem}
figure.quote{margin:10px 0 14px;padding-left:12px;border-left:4px solid #0072B2}
blockquote{margin:0}
figure.quote figcaption{font-size:.9rem}
footer.page{color:#4d4d4d;font-size:.85rem;padding-bottom:24px}
@media (max-width:600px){body{font-size:15px}header.page,main,footer.page{padding:0 12px}th,td{padding:4px 8px 4px 0}
table.reflow,table.reflow caption,table.reflow tbody,table.reflow tr,table.reflow th,table.reflow td{display:block}
table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.reflow tr{border-bottom:1px solid #d0d0d0;padding:6px 0}
table.reflow th,table.reflow td{border:0;padding:1px 0;text-align:left}
table.reflow tbody th{font-weight:600}
table.reflow td::before{content:attr(data-label) ": ";color:#4d4d4d}}
@page{size:A4;margin:14mm 12mm}
@media print{body{font-size:10pt}nav{display:none}header.page,main,footer.page{max-width:none;padding:0}
section{break-before:page;border-top:0}main>section:first-child{break-before:auto}
.pair{display:block}.pair>figure{max-width:125mm;margin:0 0 4mm}.table-box{overflow:visible}
table{width:100%}thead{display:table-header-group}tr,figure{break-inside:avoid}h2,h3{break-after:avoid}}
)";

// A date (2026-11-23) stays on one line: browsers may break it at its hyphens.
bool is_day(const std::string& text) {
    return text.size() >= 10 && Date::parse_iso(std::string_view(text).substr(0, 10)) &&
           (text.size() == 10 || text[10] == ' ');
}

std::string cell(const std::string& tag, const std::string& text, bool number,
                 const std::string& scope = {}, const std::string& label = {}) {
    return fmt::format("<{}{}{}{}>{}</{}>", tag, scope.empty() ? "" : " scope=\"" + scope + "\"",
                       number         ? " class=\"num\""
                       : is_day(text) ? " class=\"day\""
                                      : "",
                       label.empty() ? "" : " data-label=\"" + html_text(label) + "\"",
                       html_text(text), tag);
}

// A list (no totals, several columns) reads better on a phone as a block per row than as
// a table to scroll sideways.
bool reflows(const ReportTable& t) {
    return t.total.empty() && t.headers.size() >= 4;
}

bool numeric(const ReportTable& t, std::size_t column) {
    return column < t.numeric.size() && t.numeric[column];
}

std::string table_html(const ReportTable& t) {
    std::string out = fmt::format(
        "<div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table "
        "id=\"{}\"{}>",
        html_text(t.caption.empty() ? t.id : t.caption), html_text(t.id),
        reflows(t) ? " class=\"reflow\"" : "");
    if (!t.caption.empty())
        out += fmt::format("<caption>{}</caption>", html_text(t.caption));
    out += "<thead><tr>";
    for (std::size_t c = 0; c < t.headers.size(); ++c)
        out += cell("th", t.headers[c], numeric(t, c), "col");
    out += "</tr></thead><tbody>";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c)
            out += c == 0 ? cell("th", row[c], numeric(t, c), "row")
                          : cell("td", row[c], numeric(t, c), {},
                                 reflows(t) && c < t.headers.size() ? t.headers[c] : "");
        out += "</tr>";
    }
    out += "</tbody>";
    if (!t.total.empty()) {
        out += "<tfoot><tr>";
        for (std::size_t c = 0; c < t.total.size(); ++c)
            out += c == 0 ? cell("th", t.total[c], false, "row")
                          : cell("td", t.total[c], numeric(t, c));
        out += "</tr></tfoot>";
    }
    return fmt::format("{}</table></div>", out);
}

std::string block_html(const ReportBlock& b) {
    std::string out = "<div class=\"block\">";
    if (!b.heading.empty())
        out += fmt::format("<h3>{}</h3>", html_text(b.heading));
    for (const auto& p : b.paragraphs)
        out += fmt::format("<p>{}</p>", html_text(p));
    const bool has_table = b.table && (!b.table->rows.empty() || !b.table->total.empty());
    const std::string chart = b.chart.svg();
    if (!chart.empty() || has_table) {
        out += "<div class=\"pair\">";
        if (!chart.empty())
            out += fmt::format("<figure class=\"chart\">{}</figure>", chart);
        if (has_table)
            out += table_html(*b.table);
        out += "</div>";
    }
    if (b.table && !b.table->more.empty())
        out += fmt::format("<p class=\"more\">{}</p>", html_text(b.table->more));
    for (const auto& q : b.quotes)
        out += fmt::format(
            "<figure "
            "class=\"quote\"><blockquote><p>{}</p></blockquote><figcaption>{}</figcaption></"
            "figure>",
            html_lines(q.text), html_text(q.source));
    return fmt::format("{}</div>", out);
}

}  // namespace

std::string report_html(const ReportPage& page, bool navigation) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
        "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
        "name=\"generator\" "
        "content=\"crm\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        html_text(page.title), kStyle);
    out += fmt::format("<header class=\"page\"><h1>{}</h1><p class=\"sub\">{}</p>",
                       html_text(page.title), html_text(page.subtitle));
    if (navigation && page.sections.size() > 1) {
        out += "<nav aria-label=\"Sections\"><ul>";
        for (const auto& s : page.sections)
            out +=
                fmt::format("<li><a href=\"#{}\">{}</a></li>", html_text(s.id), html_text(s.title));
        out += "</ul></nav>";
    }
    out += "</header>\n<main>\n";
    for (const auto& s : page.sections) {
        out += fmt::format("<section id=\"{}\" aria-labelledby=\"{}-h\"><h2 id=\"{}-h\">{}</h2>",
                           html_text(s.id), html_text(s.id), html_text(s.id), html_text(s.title));
        for (const auto& p : s.lead)
            out += fmt::format("<p>{}</p>", html_text(p));
        for (const auto& b : s.blocks)
            out += block_html(b);
        out += "</section>\n";
    }
    out += "</main>\n<footer class=\"page\"><p>Made by crm from the folder's records";
    out +=
        " and its git history. Colours are the Okabe-Ito palette; every chart's figures are "
        "in the table beside it.</p></footer>\n</body>\n</html>\n";
    return out;
}

}  // namespace crm::render
