#include "crm/output/table.hpp"

#include <algorithm>
#include <numeric>

#include "crm/domain/text.hpp"

namespace crm::output {

std::string pad(const std::string& s, int width, bool right) {
    int fill = std::max(0, width - display_width(s));
    return right ? std::string(static_cast<std::size_t>(fill), ' ') + s
                 : s + std::string(static_cast<std::size_t>(fill), ' ');
}

std::string Table::render(const Styler& styler, int width) const {
    const std::size_t n = headers_.size();
    std::vector<int> widths(n, 0);
    for (std::size_t c = 0; c < n; ++c)
        widths[c] = display_width(headers_[c]);
    for (const auto& row : rows_)
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

    std::vector<Cell> header_cells;
    for (const auto& h : headers_)
        header_cells.push_back({h});
    std::string out = line(header_cells, true);
    for (const auto& row : rows_)
        out += line(row, false);
    return out;
}

}  // namespace crm::output
