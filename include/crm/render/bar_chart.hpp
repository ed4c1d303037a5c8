#pragma once
// Horizontal bar charts for the terminal:
//
//   angry     ███              1
//   elated    █████████████    4  4 testimonials
//
// Labels align by display width, bars scale to the largest value and to the width
// available, and a value above zero always shows at least one block.
#include <string>
#include <vector>

#include "crm/render/style.hpp"

namespace crm::render {

struct Bar {
    std::string label;
    int value = 0;
    Style style = Style::none;  // the bar's colour
    std::string note;           // shown after the count, cut to fit
};

class BarChart {
  public:
    void add(Bar bar) { add(std::move(bar), {}); }
    // `shown`: the value as the chart prints it, when not the plain number (180,000).
    void add(Bar bar, std::string shown) {
        bars_.push_back(std::move(bar));
        shown_.push_back(std::move(shown));
    }
    bool empty() const { return bars_.empty(); }

    // `width` 0 means no terminal (piped): the chart is laid out for kDefaultWidth.
    std::string render(const Styler& styler, int width) const;

    static constexpr int kDefaultWidth = 80;
    static constexpr int kMaxBar = 40;  // longer bars are no easier to compare
    static constexpr int kMinBar = 5;

  private:
    std::vector<Bar> bars_;
    std::vector<std::string> shown_;  // one per bar; empty: the value itself
};

}  // namespace crm::render
