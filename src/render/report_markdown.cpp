#include "crm/render/report_markdown.hpp"
#include "crm/util/format.hpp"

#include "markdown_text.hpp"

namespace crm::render {

namespace {

std::string row_text(const std::vector<std::string>& cells, std::size_t columns, bool bold_first) {
    std::string out = "|";
    for (std::size_t c = 0; c < columns; ++c) {
        std::string text = c < cells.size() ? md_cell(cells[c]) : "";
        if (bold_first && c == 0 && !text.empty())
            text = fmt::format("**{}**", text);
        out += fmt::format(" {} |", text);
    }
    return fmt::format("{}\n", out);
}

std::string table_text(const ReportTable& t) {
    std::string out;
    if (!t.caption.empty())
        out += fmt::format("_{}_\n\n", md_cell(t.caption));
    const std::size_t columns = t.headers.size();
    out += fmt::format("{}|", row_text(t.headers, columns, false));
    for (std::size_t c = 0; c < columns; ++c)
        out += c < t.numeric.size() && t.numeric[c] ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : t.rows)
        out += row_text(row, columns, false);
    if (!t.total.empty())
        out += row_text(t.total, columns, true);
    return out;
}

}  // namespace

std::string report_markdown(const ReportPage& page) {
    std::string out = fmt::format("# {}\n\n{}\n", md_cell(page.title), md_cell(page.subtitle));
    for (const auto& s : page.sections) {
        out += fmt::format("\n## {}\n", md_cell(s.title));
        for (const auto& p : s.lead)
            out += fmt::format("\n{}\n", md_cell(p));
        for (const auto& b : s.blocks) {
            if (!b.heading.empty())
                out += fmt::format("\n### {}\n", md_cell(b.heading));
            for (const auto& p : b.paragraphs)
                out += fmt::format("\n{}\n", md_cell(p));
            if (b.table && (!b.table->rows.empty() || !b.table->total.empty()))
                out += fmt::format("\n{}", table_text(*b.table));
            if (b.table && !b.table->more.empty())
                out += fmt::format("\n_{}_\n", md_cell(b.table->more));
            for (const auto& q : b.quotes)
                out += fmt::format("\n> {}\n>\n> — {}\n", md_cell(q.text), md_cell(q.source));
        }
    }
    return out;
}

}  // namespace crm::render
