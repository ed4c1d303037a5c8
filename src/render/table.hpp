#pragma once
// Aligned text tables for the terminal. Columns align by display width (accents take
// one column, CJK two), colour codes never count towards width, and one flexible
// column is shortened with "…" so that a row fits the terminal. Cells often hold text
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
    // The column shortened when the table is wider than the terminal.
    void flexible(std::size_t column) { flexible_ = column; }
    bool empty() const { return rows_.empty(); }
    std::size_t size() const { return rows_.size(); }

    // `width` 0 means no limit.
    std::string render(const Styler& styler, int width) const;

  private:
    std::vector<std::string> headers_;
    std::vector<std::vector<Cell>> rows_;
    std::vector<std::size_t> right_;
    std::size_t flexible_ = static_cast<std::size_t>(-1);
};

// Left- or right-aligned padding to `width` display columns.
std::string pad(const std::string& s, int width, bool right = false);

}  // namespace crm::render
