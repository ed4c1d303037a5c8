// The SVG charts of the partners' page: a text alternative on each, bars to scale, stacked
// segments in the legend's order, scatter series apart by marker, the folder's text
// escaped, and nothing that points outside the page.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "crm/render/svg_chart.hpp"

using namespace crm::render::svg;

namespace {

// The numeric attribute `name` of each element `tag`, in order.
std::vector<double> attributes(const std::string& svg, const std::string& tag,
                               const std::string& name) {
    std::vector<double> out;
    const std::regex element("<" + tag + "\\b[^>]*\\s" + name + "=\"([-0-9.]+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element);
         it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[1]));
    return out;
}

int count(const std::string& text, const std::string& piece) {
    int n = 0;
    for (auto at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1))
        ++n;
    return n;
}

void self_contained(const std::string& svg) {
    CHECK(svg.find("href") == std::string::npos);
    CHECK(svg.find("url(") == std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("http") == std::string::npos);
}

}  // namespace

TEST_CASE("a bar chart is an image with its title and figures in words") {
    const std::string svg =
        bar_chart({"c1", "Reviews <all>", "angry 1, happy 4"},
                  {{"angry", 1, {}, Colour::vermillion}, {"happy", 4, "4 reviews", Colour::blue}});
    CHECK(svg.starts_with("<svg class=\"chart\""));
    CHECK(svg.find("role=\"img\" aria-labelledby=\"c1-t c1-d\"") != std::string::npos);
    CHECK(svg.find("<title id=\"c1-t\">Reviews &lt;all&gt;</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"c1-d\">angry 1, happy 4</desc>") != std::string::npos);
    CHECK(svg.find(">4 reviews</text>") != std::string::npos);  // the value as shown
    CHECK(svg.find(">1</text>") != std::string::npos);
    CHECK(svg.find("fill=\"#D55E00\"") != std::string::npos);
    CHECK(svg.ends_with("</svg>"));
    self_contained(svg);
}

TEST_CASE("bars scale to the largest value; zero draws no bar but its value") {
    const std::string svg = bar_chart(
        {"c", "t", "d"},
        {{"a", 10, {}, Colour::blue}, {"b", 5, {}, Colour::blue}, {"z", 0, {}, Colour::blue}});
    const auto widths = attributes(svg, "rect", "width");
    REQUIRE(widths.size() == 2);
    CHECK(widths[1] == doctest::Approx(widths[0] / 2).epsilon(0.01));
    CHECK(svg.find(">0</text>") != std::string::npos);
    // A tiny value next to a huge one still shows.
    const auto tiny = attributes(
        bar_chart({"c", "t", "d"}, {{"a", 1e6, {}, Colour::blue}, {"b", 1, {}, Colour::blue}}),
        "rect", "width");
    REQUIRE(tiny.size() == 2);
    CHECK(tiny[1] >= 1);
}

TEST_CASE("text from the folder is escaped and long labels are cut") {
    const std::string svg = bar_chart(
        {"c", "t", "d"},
        {{"<script>alert(1)</script>", 1, {}, Colour::blue},
         {"A very long client name that goes on and on", 2, "\"2\" & more", Colour::blue}});
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find(">&lt;script&gt;alert(1)&lt;/s…</text>") != std::string::npos);
    CHECK(svg.find(">A very long client …</text>") != std::string::npos);
    CHECK(svg.find("&quot;2&quot; &amp; more") != std::string::npos);
}

TEST_CASE("the same figures give the same bytes") {
    const std::vector<Bar> bars{{"a", 1.5, {}, Colour::blue}, {"b", 2.25, {}, Colour::green}};
    CHECK(bar_chart({"c", "t", "d"}, bars) == bar_chart({"c", "t", "d"}, bars));
}

TEST_CASE("stacked bars: segments left to right in the legend's order, values inside") {
    const std::string svg =
        stacked_bar_chart({"s", "Due", "Ann: 3 overdue, 9 due"},
                          {{"Overdue", Colour::vermillion}, {"Due", Colour::blue}},
                          {{"Ann", {3, 9}, "3 overdue, 9 due"}, {"Bob", {0, 1}, "1 due"}});
    // The legend names both series, in order.
    CHECK(svg.find(">Overdue</text>") < svg.find(">Due</text>"));
    const auto xs = attributes(svg, "rect", "x");
    const auto ws = attributes(svg, "rect", "width");
    // Two swatches, then Ann's two segments, then Bob's one.
    REQUIRE(xs.size() == 5);
    CHECK(xs[3] == doctest::Approx(xs[2] + ws[2]));
    CHECK(ws[3] == doctest::Approx(3 * ws[2]).epsilon(0.01));
    CHECK(svg.find(">3 overdue, 9 due</text>") != std::string::npos);
    CHECK(count(svg, "stroke=\"#ffffff\"") == 3);  // segments kept apart by a white edge
    // Text on the dark blue is white, on the vermillion black.
    CHECK(svg.find("fill=\"#ffffff\" font-size=\"11\">9<") != std::string::npos);
    CHECK(svg.find("fill=\"#000000\" font-size=\"11\">3<") != std::string::npos);
    self_contained(svg);
}

TEST_CASE("scatter: series by marker and colour, counts beside merged points, bands named") {
    Axis x{"Score", 2.5, 15.5, {{3, "3"}, {15, "15"}}};
    Axis y{"Tier", -0.5, 1.5, {{1, "A"}, {0, "B"}}};
    const std::string svg = scatter_chart(
        {"p", "Portfolio", "2 clients"}, x, y,
        {{"In band", Colour::blue, Marker::circle}, {"Higher", Colour::green, Marker::triangle_up}},
        {{14, 1, 0, 1}, {10, 0, 1, 3}}, {{12.5, 15.5, "A: 13-15"}, {8.5, 12.5, "B: 9-12"}});
    CHECK(count(svg, "<circle") == 2);  // the legend's and the point's
    CHECK(count(svg, "<path") == 2);
    CHECK(svg.find(">3</text>") != std::string::npos);  // three clients at one place
    CHECK(svg.find(">A: 13-15</text>") != std::string::npos);
    CHECK(svg.find(">Score</text>") != std::string::npos);
    CHECK(svg.find(">In band</text>") != std::string::npos);
    // The point at 14 is right of the one at 10, and tier A above tier B.
    const std::regex at(
        "translate\\(([0-9.]+) ([0-9.]+)\\)\"><(circle|path) [^>]*fill=\"#(0072B2|009E73)\"");
    std::vector<std::pair<double, double>> points;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), at); it != std::sregex_iterator();
         ++it)
        points.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
    REQUIRE(points.size() == 4);  // two legend markers, two points
    CHECK(points[2].first > points[3].first);
    CHECK(points[2].second < points[3].second);
    self_contained(svg);
}
