#include <doctest/doctest.h>

#include <sstream>

#include "crm/render/bar_chart.hpp"
#include "crm/util/text.hpp"

using namespace crm::render;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        out.push_back(l);
    return out;
}

int blocks(const std::string& line) {
    int n = 0;
    for (std::size_t at = line.find("█"); at != std::string::npos; at = line.find("█", at + 1))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("bars scale to the largest value and keep small values visible") {
    BarChart c;
    c.add({"angry", 1});
    c.add({"happy", 40});
    c.add({"none", 0});
    auto l = lines(c.render(Styler(false), 80));
    REQUIRE(l.size() == 3);
    CHECK(blocks(l[0]) == 1);
    CHECK(blocks(l[1]) == BarChart::kMaxBar);
    CHECK(blocks(l[2]) == 0);
}

TEST_CASE("labels with accents and CJK align the bars and counts by display width") {
    BarChart c;
    c.add({"Müller", 2});
    c.add({"日本", 4});
    c.add({"x", 4, Style::none, "a note"});
    auto l = lines(c.render(Styler(false), 60));
    REQUIRE(l.size() == 3);
    auto bar_column = [](const std::string& line) {
        return crm::display_width(line.substr(0, line.find("█")));
    };
    CHECK(bar_column(l[0]) == bar_column(l[1]));
    CHECK(bar_column(l[1]) == bar_column(l[2]));
    // The counts end in the same column.
    CHECK(crm::display_width(l[0]) == crm::display_width(l[1]));
    CHECK(l[2].find("a note") != std::string::npos);
    for (const auto& line : l)
        CHECK(crm::display_width(line) <= 60);
}

TEST_CASE("a narrow terminal shortens bars and notes; width 0 lays out for 80 columns") {
    BarChart c;
    c.add({"proposal", 10, Style::none, "a rather long note that cannot fit"});
    for (const auto& line : lines(c.render(Styler(false), 40)))
        CHECK(crm::display_width(line) <= 40);
    for (const auto& line : lines(c.render(Styler(false), 0)))
        CHECK(crm::display_width(line) <= 80);
}

TEST_CASE("colour codes wrap only the bar") {
    BarChart c;
    c.add({"angry", 3, Style::red});
    const std::string out = c.render(Styler(true), 80);
    CHECK(out.find("\033[31m█") != std::string::npos);
    CHECK(out.rfind("angry", 0) == 0);
    BarChart empty;
    CHECK(empty.render(Styler(true), 80).empty());
}

TEST_CASE("a label or note from a file cannot drive the terminal") {
    BarChart c;
    c.add({"lead\x1b[2J", 2, Style::none, "note\x07\r"});
    c.add({"client", 1});
    const std::string out = c.render(Styler(false), 80);
    CHECK(out.find_first_of("\x1b\x07\r") == std::string::npos);
    CHECK(out.find("lead [2J") != std::string::npos);
    CHECK(out.find("note") != std::string::npos);
}
