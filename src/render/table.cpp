#include "crm/render/table.hpp"

#include <algorithm>
#include <numeric>

#include "crm/render/table_layout.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

std::string pad(const std::string& s, int width, bool right) {
    int fill = std::max(0, width - display_width(s));
    return right ? std::string(static_cast<std::size_t>(fill), ' ') + s
                 : s + std::string(static_cast<std::size_t>(fill), ' ');
}

std::vector<bool> Table::fit(std::vector<int>& widths, const std::vector<Cell>& headers,
                             int width) const {
    const std::size_t n = widths.size();
    std::vector<bool> shown(n, true);
    if (width <= 0)
        return shown;
    auto shrink = [&](auto floor_of) {
        // Take from the widest flexible column first, one column of text at a time, so
        // that two flexible columns end up sharing what is left.
        for (int over = shown_width(widths, shown) - width; over > 0; --over) {
            int* widest = nullptr;
            for (const auto& f : flexible_)
                if (f.column < n && shown[f.column] && widths[f.column] > floor_of(f) &&
                    (!widest || widths[f.column] > *widest))
                    widest = &widths[f.column];
            if (!widest)
                return;
            --*widest;
        }
    };
    auto header_floor = [&](const Flexible& f) {
        return std::min(widths[f.column], std::max(f.min, display_width(headers[f.column].text)));
    };
    shrink(header_floor);
    std::vector<Droppable> order = droppable_;
    std::stable_sort(order.begin(), order.end(), [](const Droppable& a, const Droppable& b) {
        return a.priority < b.priority;
    });
    for (const auto& d : order) {
        if (shown_width(widths, shown) <= width)
            break;
        if (d.column < n)
            shown[d.column] = false;
        shrink(header_floor);
    }
    // Still too wide: flexible columns give up to their last three columns of text, then
    // every column is cut from the right.
    shrink([](const Flexible&) { return 3; });
    for (std::size_t c = n; c-- > 0 && shown_width(widths, shown) > width;)
        if (shown[c])
            widths[c] = std::max(1, widths[c] - (shown_width(widths, shown) - width));
    return shown;
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

    const std::vector<bool> shown = fit(widths, header_cells, width);
    auto is_right = [&](std::size_t c) {
        return std::find(right_.begin(), right_.end(), c) != right_.end();
    };

    auto line = [&](const std::vector<Cell>& cells, bool header) {
        std::string out;
        for (std::size_t c = 0; c < n; ++c) {
            if (!shown[c])
                continue;
            std::string text = truncate_to_width(c < cells.size() ? cells[c].text : "", widths[c]);
            std::string fill(static_cast<std::size_t>(std::max(0, widths[c] - display_width(text))),
                             ' ');
            Style style =
                header ? Style::header : (c < cells.size() ? cells[c].style : Style::none);
            // Padding stays outside the colour so that underlines end with the text.
            std::string styled = styler(text, style);
            out += is_right(c) ? fill + styled : styled + fill;
            out += std::string(kColumnGap, ' ');
        }
        while (!out.empty() && out.back() == ' ')
            out.pop_back();  // the gap after the last column too
        return fmt::format("{}\n", out);
    };

    std::string out = line(header_cells, true);
    for (const auto& row : rows)
        out += line(row, false);
    return out;
}

}  // namespace crm::render
