#include "crm/render/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "crm/render/html_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render::svg {

namespace {

constexpr double kWidth = 400;    // the viewBox's width: the page scales it
constexpr double kCharWidth = 7;  // an average character at kFontSize, for layout
constexpr int kFontSize = 12;
constexpr double kRow = 24;
constexpr double kBarHeight = 14;
constexpr int kMaxLabel = 20;  // columns of a label; the table beside has it whole
constexpr const char* kInk = "#1a1a1a";
constexpr const char* kAxis = "#595959";

// A coordinate to one decimal, without a needless ".0": the same bytes on every machine.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::abs(v) < 0.05 ? 0.0 : v);
    std::string s = buf;
    if (s.ends_with(".0"))
        s.resize(s.size() - 2);
    return s;
}

double text_width(std::string_view s) {
    return display_width(s) * kCharWidth;
}

std::string label_text(std::string_view s) {
    return html_text(truncate_to_width(s, kMaxLabel));
}

// Black text on every colour of the palette but the two dark ones.
const char* ink_on(Colour c) {
    return c == Colour::blue || c == Colour::black ? "#ffffff" : "#000000";
}

std::string open_svg(const ChartText& t, double height) {
    const std::string id = html_text(t.id);
    return fmt::format(
        "<svg class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-labelledby=\"{}-t {}-d\" font-family=\"system-ui, sans-serif\" "
        "font-size=\"{}\"><title id=\"{}-t\">{}</title><desc id=\"{}-d\">{}</desc>",
        num(kWidth), num(height), num(kWidth), num(height), id, id, kFontSize, id,
        html_text(t.title), id, html_text(t.desc));
}

std::string text_at(double x, double y, std::string_view escaped, const char* anchor,
                    const char* fill = kInk, int size = 0) {
    return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\"{}>{}</text>", num(x),
                       num(y), anchor, fill,
                       size > 0 ? " font-size=\"" + std::to_string(size) + "\"" : std::string(),
                       escaped);
}

std::string rect(double x, double y, double w, double h, const char* fill,
                 const std::string& extra = {}) {
    return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>", num(x),
                       num(y), num(w), num(h), fill, extra);
}

std::string line(double x1, double y1, double x2, double y2, const char* stroke) {
    return fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>", num(x1),
        num(y1), num(x2), num(y2), stroke);
}

// The label column: wide enough for the longest label (cut to kMaxLabel), within bounds.
double label_column(const std::vector<std::string>& labels) {
    double widest = 0;
    for (const auto& l : labels)
        widest = std::max(widest, text_width(truncate_to_width(l, kMaxLabel)));
    return std::clamp(widest + 10, 40.0, 150.0);
}

// Legend swatches in rows across the width; returns the SVG and sets `height`.
std::string legend(const std::vector<std::pair<std::string, std::string>>& items, double top,
                   double& height) {
    std::string out;
    double x = 0, y = top;
    for (const auto& [swatch, name] : items) {
        const double w = 14 + text_width(name) + 16;
        if (x > 0 && x + w > kWidth) {
            x = 0;
            y += 18;
        }
        out += swatch.empty() ? ""
                              : fmt::format("<g transform=\"translate({} {})\">{}</g>", num(x + 5),
                                            num(y + 7), swatch);
        out += text_at(x + 14, y + 11, html_text(name), "start");
        x += w;
    }
    height = y + 18 - top;
    return out;
}

}  // namespace

const char* colour_hex(Colour c) {
    switch (c) {
        case Colour::black:
            return "#000000";
        case Colour::orange:
            return "#E69F00";
        case Colour::sky_blue:
            return "#56B4E9";
        case Colour::green:
            return "#009E73";
        case Colour::yellow:
            return "#F0E442";
        case Colour::blue:
            return "#0072B2";
        case Colour::vermillion:
            return "#D55E00";
        case Colour::purple:
            return "#CC79A7";
        case Colour::grey:
            return "#999999";
    }
    return "#000000";
}

std::string bar_chart(const ChartText& text, const std::vector<Bar>& bars) {
    std::vector<std::string> labels;
    double largest = 0, value_column = 30;
    for (const auto& b : bars) {
        labels.push_back(b.label);
        largest = std::max(largest, b.value);
        value_column =
            std::max(value_column, text_width(b.shown.empty() ? num(b.value) : b.shown) + 10);
    }
    const double left = label_column(labels);
    const double room = std::max(40.0, kWidth - left - value_column);
    const double height = 8 + kRow * static_cast<double>(bars.size());
    std::string out = open_svg(text, height);
    double y = 4;
    for (const auto& b : bars) {
        const double w =
            largest > 0 ? std::max(b.value > 0 ? 1.0 : 0.0, b.value / largest * room) : 0;
        out += text_at(left - 6, y + kBarHeight - 2, label_text(b.label), "end");
        if (w > 0)
            out += rect(left, y, w, kBarHeight, colour_hex(b.colour));
        out += text_at(left + w + 4, y + kBarHeight - 2,
                       html_text(b.shown.empty() ? num(b.value) : b.shown), "start");
        y += kRow;
    }
    out += line(left, 0, left, height - 4, kAxis);
    return fmt::format("{}</svg>", out);
}

std::string stacked_bar_chart(const ChartText& text, const std::vector<Series>& series,
                              const std::vector<StackedRow>& rows) {
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& s : series)
        keys.emplace_back(rect(-5, -5, 10, 10, colour_hex(s.colour)), s.name);
    double legend_height = 0;
    const std::string key = legend(keys, 2, legend_height);

    std::vector<std::string> labels;
    double largest = 0, note_column = 10;
    for (const auto& r : rows) {
        labels.push_back(r.label);
        double total = 0;
        for (double v : r.values)
            total += v;
        largest = std::max(largest, total);
        note_column = std::max(note_column, text_width(r.note) + 10);
    }
    const double left = label_column(labels);
    const double room = std::max(60.0, kWidth - left - std::min(note_column, 200.0));
    const double top = legend_height + 8;
    const double height = top + kRow * static_cast<double>(rows.size()) + 4;
    std::string out = open_svg(text, height) + key;
    double y = top;
    for (const auto& r : rows) {
        out += text_at(left - 6, y + kBarHeight - 2, label_text(r.label), "end");
        double x = left;
        for (std::size_t i = 0; i < r.values.size() && i < series.size(); ++i) {
            const double v = r.values[i];
            if (v <= 0 || largest <= 0)
                continue;
            const double w = std::max(1.0, v / largest * room);
            // A white edge between segments: they stay apart where colours are close.
            out += rect(x, y, w, kBarHeight, colour_hex(series[i].colour),
                        " stroke=\"#ffffff\" stroke-width=\"1\"");
            const std::string shown = num(v);
            if (w >= text_width(shown) + 6)
                out += text_at(x + w / 2, y + kBarHeight - 3, shown, "middle",
                               ink_on(series[i].colour), 11);
            x += w;
        }
        if (!r.note.empty())
            out += text_at(x + 4, y + kBarHeight - 2, html_text(r.note), "start");
        y += kRow;
    }
    out += line(left, top - 2, left, height - 4, kAxis);
    return fmt::format("{}</svg>", out);
}

namespace {

std::string marker_shape(Marker m, double r, const char* fill) {
    const std::string f = fmt::format(" fill=\"{}\" stroke=\"#000000\" stroke-width=\"0.8\"", fill);
    switch (m) {
        case Marker::circle:
            return fmt::format("<circle cx=\"0\" cy=\"0\" r=\"{}\"{}/>", num(r), f);
        case Marker::square:
            return rect(-r, -r, 2 * r, 2 * r, fill, " stroke=\"#000000\" stroke-width=\"0.8\"");
        case Marker::triangle_up:
            return fmt::format("<path d=\"M0 {}L{} {}L{} {}Z\"{}/>", num(-1.25 * r), num(1.2 * r),
                               num(0.9 * r), num(-1.2 * r), num(0.9 * r), f);
        case Marker::triangle_down:
            return fmt::format("<path d=\"M0 {}L{} {}L{} {}Z\"{}/>", num(1.25 * r), num(1.2 * r),
                               num(-0.9 * r), num(-1.2 * r), num(-0.9 * r), f);
        case Marker::diamond:
            return fmt::format("<path d=\"M0 {}L{} 0L0 {}L{} 0Z\"{}/>", num(-1.3 * r), num(1.3 * r),
                               num(1.3 * r), num(-1.3 * r), f);
    }
    return {};
}

}  // namespace

std::string scatter_chart(const ChartText& text, const Axis& x, const Axis& y,
                          const std::vector<ScatterSeries>& series,
                          const std::vector<ScatterPoint>& points, const std::vector<Band>& bands) {
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& s : series)
        keys.emplace_back(marker_shape(s.marker, 4.5, colour_hex(s.colour)), s.name);
    double legend_height = 0;
    const std::string key = legend(keys, 2, legend_height);

    double widest_tick = 0;
    for (const auto& t : y.ticks)
        widest_tick = std::max(widest_tick, text_width(t.label));
    const double left = std::clamp(widest_tick + 16, 28.0, 140.0);
    const double right = kWidth - 12;
    const double top = legend_height + 34;  // the y axis's title and the bands' names
    const double plot_height = 200;
    const double bottom = top + plot_height;
    const double height = bottom + 40;
    auto px = [&](double v) {
        return left + (x.max > x.min ? (v - x.min) / (x.max - x.min) : 0.5) * (right - left);
    };
    auto py = [&](double v) {
        return bottom - (y.max > y.min ? (v - y.min) / (y.max - y.min) : 0.5) * plot_height;
    };

    std::string out = open_svg(text, height) + key;
    out += text_at(0, top - 22, html_text(y.title), "start", kAxis);
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const Band& b = bands[i];
        const double x1 = px(b.from), x2 = px(b.to);
        out += rect(x1, top, std::max(0.0, x2 - x1), plot_height, i % 2 ? "#ebebeb" : "#f5f5f5");
        out += text_at((x1 + x2) / 2, top - 6, label_text(b.label), "middle", kAxis, 11);
    }
    for (const auto& t : x.ticks) {
        out += line(px(t.at), bottom, px(t.at), bottom + 4, kAxis);
        out += text_at(px(t.at), bottom + 16, html_text(t.label), "middle");
    }
    for (const auto& t : y.ticks) {
        out += line(left, py(t.at), right, py(t.at), "#d9d9d9");
        out += text_at(left - 8, py(t.at) + 4, html_text(t.label), "end");
    }
    out += line(left, bottom, right, bottom, kAxis) + line(left, top, left, bottom, kAxis);
    out += text_at((left + right) / 2, bottom + 34, html_text(x.title), "middle", kAxis);

    const double spread = 9;  // between the series at one place
    const double middle = (static_cast<double>(series.size()) - 1) / 2;
    for (const auto& p : points) {
        if (p.series >= series.size() || p.count <= 0)
            continue;
        const ScatterSeries& s = series[p.series];
        const double r = std::min(14.0, 4.5 + 1.6 * std::sqrt(static_cast<double>(p.count - 1)));
        const double cx = px(p.x);
        const double cy = py(p.y) + (static_cast<double>(p.series) - middle) * spread;
        out += fmt::format("<g transform=\"translate({} {})\">{}</g>", num(cx), num(cy),
                           marker_shape(s.marker, r, colour_hex(s.colour)));
        if (p.count > 1)
            out += text_at(cx + r + 2, cy + 4, std::to_string(p.count), "start", kInk, 10);
    }
    return fmt::format("{}</svg>", out);
}

}  // namespace crm::render::svg
