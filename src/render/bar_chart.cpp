#include "crm/render/bar_chart.hpp"

#include <algorithm>

#include "crm/render/table.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

}  // namespace

std::string BarChart::render(const Styler& styler, int width) const {
    if (bars_.empty())
        return {};
    if (width <= 0)
        width = kDefaultWidth;
    // A label or a note can come from a file: a stage name no crm.yaml lists.
    std::vector<Bar> bars;
    for (const auto& b : bars_)
        bars.push_back({one_line(b.label), b.value, b.style, one_line(b.note)});
    int label_w = 0, count_w = 1, max_value = 0, note_w = 0;
    for (const auto& b : bars) {
        label_w = std::max(label_w, display_width(b.label));
        count_w = std::max(count_w, static_cast<int>(std::to_string(b.value).size()));
        max_value = std::max(max_value, b.value);
        note_w = std::max(note_w, display_width(b.note));
    }
    constexpr int kGap = 2;
    // A label never takes more than a third of the line, so the bars keep their room.
    label_w = std::min(label_w, std::max(6, width / 3));
    int bar_w = width - label_w - kGap - kGap - count_w - (note_w ? kGap + note_w : 0);
    bar_w = std::clamp(bar_w, kMinBar, kMaxBar);
    const int note_room = std::max(0, width - label_w - bar_w - count_w - 3 * kGap);

    std::string out;
    for (const auto& b : bars) {
        int len = 0;
        if (max_value > 0 && b.value > 0)
            len = std::max(1, (b.value * bar_w + max_value / 2) / max_value);
        std::string line = pad(truncate_to_width(b.label, label_w), label_w);
        line += std::string(kGap, ' ');
        line += styler(repeat("█", len), b.style);
        line += std::string(static_cast<std::size_t>(bar_w - len + kGap), ' ');
        line += pad(std::to_string(b.value), count_w, true);
        if (!b.note.empty() && note_room > 0)
            line +=
                std::string(kGap, ' ') + styler(truncate_to_width(b.note, note_room), Style::dim);
        out += line + "\n";
    }
    return out;
}

}  // namespace crm::render
