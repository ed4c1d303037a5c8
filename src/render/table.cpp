#include "crm/render/table.hpp"

#include <algorithm>
#include <numeric>

#include "crm/render/terminal_text.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

std::string pad(const std::string& s, int width, bool right) {
    int fill = std::max(0, width - display_width(s));
    return right ? std::string(static_cast<std::size_t>(fill), ' ') + s
                 : s + std::string(static_cast<std::size_t>(fill), ' ');
}

std::string Table::render(const Styler& styler, int width) const {
    // Every cell is made safe here, before widths are measured and colour is added, so
    // no command has to remember it for the text it puts in a table.
    std::vector<Cell> header_cells;
    for (const auto& h : headers_)
        header_cells.push_back({one_line(h)});
    std::vector<std::vector<Cell>> rows;
    for (const auto& row : rows_) {
        rows.emplace_back();
        for (const auto& cell : row)
            rows.back().push_back({one_line(cell.text), cell.style});
    }

    const std::size_t n = headers_.size();
    std::vector<int> widths(n, 0);
    for (std::size_t c = 0; c < n; ++c)
        widths[c] = display_width(header_cells[c].text);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < n && c < row.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c].text));

    constexpr int kGap = 2;
    int total = std::accumulate(widths.begin(), widths.end(), 0) + kGap * static_cast<int>(n - 1);
    if (width > 0 && total > width && flexible_ < n) {
        widths[flexible_] = std::max(8, widths[flexible_] - (total - width));
    }
    auto is_right = [&](std::size_t c) {
        return std::find(right_.begin(), right_.end(), c) != right_.end();
    };

    auto line = [&](const std::vector<Cell>& cells, bool header) {
        std::string out;
        for (std::size_t c = 0; c < n; ++c) {
            std::string text = truncate_to_width(c < cells.size() ? cells[c].text : "", widths[c]);
            std::string fill(static_cast<std::size_t>(std::max(0, widths[c] - display_width(text))),
                             ' ');
            Style style =
                header ? Style::header : (c < cells.size() ? cells[c].style : Style::none);
            // Padding stays outside the colour so that underlines end with the text.
            std::string styled = styler(text, style);
            out += is_right(c) ? fill + styled : styled + fill;
            if (c + 1 < n)
                out += std::string(kGap, ' ');
        }
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        return out + "\n";
    };

    std::string out = line(header_cells, true);
    for (const auto& row : rows)
        out += line(row, false);
    return out;
}

}  // namespace crm::render
