#include "crm/render/bar_chart.hpp"

#include <algorithm>
#include <cstdint>

#include "crm/render/table.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
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
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < bars_.size(); ++i) {
        const Bar& b = bars_[i];
        bars.push_back({one_line(b.label), b.value, b.style, one_line(b.note)});
        shown.push_back(shown_[i].empty() ? std::to_string(b.value) : one_line(shown_[i]));
    }
    int label_w = 0, count_w = 1, max_value = 0, note_w = 0;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        label_w = std::max(label_w, display_width(b.label));
        count_w = std::max(count_w, display_width(shown[i]));
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
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        int len = 0;
        // In 64 bits: a month's weighted value times the bar's width passes 2^31.
        if (max_value > 0 && b.value > 0)
            len = std::max(
                1, static_cast<int>((std::int64_t{b.value} * bar_w + max_value / 2) / max_value));
        std::string line = pad(truncate_to_width(b.label, label_w), label_w);
        line += std::string(kGap, ' ');
        line += styler(repeat("█", len), b.style);
        line += std::string(static_cast<std::size_t>(bar_w - len + kGap), ' ');
        line += pad(shown[i], count_w, true);
        if (!b.note.empty() && note_room > 0)
            line +=
                std::string(kGap, ' ') + styler(truncate_to_width(b.note, note_room), Style::dim);
        out += fmt::format("{}\n", line);
    }
    return out;
}

}  // namespace crm::render
