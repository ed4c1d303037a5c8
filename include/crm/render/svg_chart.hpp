#pragma once
// Charts as inline SVG for the partners' page (`crm report`): horizontal bars, stacked
// bars and a scatter. Pure functions: figures in, SVG text out, the same bytes for the same
// figures. Every chart is an image with a text alternative (role="img", <title> and
// <desc>), uses the Okabe-Ito colours, which readers with any common colour-vision
// deficiency tell apart, and never says anything by colour alone: bars are labelled and
// valued in text, stacked segments come in the legend's order and carry their values,
// scatter series differ in marker shape too. Sizes are in the viewBox's units; the page
// scales the chart to its column. Text is escaped here (html_text.hpp).
#include <string>
#include <vector>

namespace crm::render::svg {

// The Okabe-Ito palette, and a grey for "neither".
enum class Colour { black, orange, sky_blue, green, yellow, blue, vermillion, purple, grey };
const char* colour_hex(Colour c);

// What a screen reader says instead of the picture: `id` must be unique in the page.
struct ChartText {
    std::string id;
    std::string title;  // one line: what the chart shows
    std::string desc;   // the figures in words
};

struct Bar {
    std::string label;
    double value = 0;   // not below 0
    std::string shown;  // the value as printed after the bar (empty: the number itself)
    Colour colour = Colour::blue;
};

// One bar per row, the label on the left and the value after the bar; bars scale to the
// largest value.
std::string bar_chart(const ChartText& text, const std::vector<Bar>& bars);

struct Series {
    std::string name;
    Colour colour = Colour::blue;
};

struct StackedRow {
    std::string label;
    std::vector<double> values;  // one per series, in the series' order, not below 0
    std::string note;            // after the bar: "won 7 of 9"
};

// One bar per row made of its series' segments, left to right in the legend's order, each
// segment wide enough for it showing its value; bars scale to the largest row total.
std::string stacked_bar_chart(const ChartText& text, const std::vector<Series>& series,
                              const std::vector<StackedRow>& rows);

enum class Marker { circle, square, triangle_up, triangle_down, diamond };

struct ScatterSeries {
    std::string name;
    Colour colour = Colour::blue;
    Marker marker = Marker::circle;
};

struct ScatterPoint {
    double x = 0;
    double y = 0;
    std::size_t series = 0;
    int count = 1;  // points at one place drawn as one marker, larger, with the count beside
};

struct Tick {
    double at = 0;
    std::string label;
};

struct Axis {
    std::string title;
    double min = 0;
    double max = 1;
    std::vector<Tick> ticks;
};

// A span of the x axis shaded and named at its top ("tier A's band").
struct Band {
    double from = 0;
    double to = 0;
    std::string label;
};

// Points on two axes, series told apart by marker and colour (the legend names both);
// points of different series at one place are set a little apart vertically.
std::string scatter_chart(const ChartText& text, const Axis& x, const Axis& y,
                          const std::vector<ScatterSeries>& series,
                          const std::vector<ScatterPoint>& points, const std::vector<Band>& bands);

}  // namespace crm::render::svg
