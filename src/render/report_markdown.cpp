#include "crm/render/report_markdown.hpp"

#include "markdown_text.hpp"

namespace crm::render {

namespace {

std::string row_text(const std::vector<std::string>& cells, std::size_t columns, bool bold_first) {
    std::string out = "|";
    for (std::size_t c = 0; c < columns; ++c) {
        std::string text = c < cells.size() ? md_cell(cells[c]) : "";
        if (bold_first && c == 0 && !text.empty())
            text = "**" + text + "**";
        out += " " + text + " |";
    }
    return out + "\n";
}

std::string table_text(const ReportTable& t) {
    std::string out;
    if (!t.caption.empty())
        out += "_" + md_cell(t.caption) + "_\n\n";
    const std::size_t columns = t.headers.size();
    out += row_text(t.headers, columns, false) + "|";
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
    std::string out = "# " + md_cell(page.title) + "\n\n" + md_cell(page.subtitle) + "\n";
    for (const auto& s : page.sections) {
        out += "\n## " + md_cell(s.title) + "\n";
        for (const auto& p : s.lead)
            out += "\n" + md_cell(p) + "\n";
        for (const auto& b : s.blocks) {
            if (!b.heading.empty())
                out += "\n### " + md_cell(b.heading) + "\n";
            for (const auto& p : b.paragraphs)
                out += "\n" + md_cell(p) + "\n";
            if (b.table && (!b.table->rows.empty() || !b.table->total.empty()))
                out += "\n" + table_text(*b.table);
            if (b.table && !b.table->more.empty())
                out += "\n_" + md_cell(b.table->more) + "_\n";
            for (const auto& q : b.quotes)
                out += "\n> " + md_cell(q.text) + "\n>\n> — " + md_cell(q.source) + "\n";
        }
    }
    return out;
}

}  // namespace crm::render
