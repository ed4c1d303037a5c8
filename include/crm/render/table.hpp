#pragma once
// Aligned text tables for the terminal. Columns align by display width (accents take
// one column, CJK two) and colour codes never count towards width. A table always fits
// the terminal: first its flexible columns are shortened with "…" (down to their
// minimum), then droppable columns are left out, least important first, and as a last
// resort every column is cut. Piped output (width 0) stays whole. Cells often hold text
// from the files, so render() shows their control characters as spaces (one_line in
// terminal_text.hpp): a command never has to remember to.
#include <string>
#include <vector>

#include "crm/render/style.hpp"

namespace crm::render {

struct Cell {
    std::string text;
    Style style = Style::none;
};

class Table {
  public:
    explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
    void add(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
    void right_align(std::size_t column) { right_.push_back(column); }
    // A column shortened when the table is wider than the terminal, not below `min`
    // display columns (nor below its header) until nothing else is left to give.
    void flexible(std::size_t column, int min = 8) { flexible_.push_back({column, min}); }
    // A column left out when even the shortened table is too wide; the lowest
    // `priority` goes first.
    void droppable(std::size_t column, int priority = 0) {
        droppable_.push_back({column, priority});
    }
    bool empty() const { return rows_.empty(); }
    std::size_t size() const { return rows_.size(); }

    // `width` 0 means no limit.
    std::string render(const Styler& styler, int width) const;

  private:
    // The widths that fit `width` (0: no limit), and which columns are shown.
    std::vector<bool> fit(std::vector<int>& widths, const std::vector<Cell>& headers,
                          int width) const;

    std::vector<std::string> headers_;
    std::vector<std::vector<Cell>> rows_;
    std::vector<std::size_t> right_;
    struct Flexible {
        std::size_t column;
        int min;
    };
    struct Droppable {
        std::size_t column;
        int priority;
    };
    std::vector<Flexible> flexible_;
    std::vector<Droppable> droppable_;
};

// Left- or right-aligned padding to `width` display columns.
std::string pad(const std::string& s, int width, bool right = false);

}  // namespace crm::render
