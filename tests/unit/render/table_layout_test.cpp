#include <doctest/doctest.h>

#include "crm/render/output_format.hpp"
#include "crm/render/table_layout.hpp"
#include "crm/util/error.hpp"
#include "crm/util/text.hpp"
#include "fixtures.hpp"

using namespace crm;
using namespace crm::test;
using render::Cell;
using render::ColumnFit;
using render::Role;
using render::Styler;

namespace {

// A slug, what is due, an amount, a date and a flag: every role once.
const std::vector<std::string> kHeaders{"SLUG", "WHAT", "VALUE", "DUE", "WHEN"};
const std::vector<ColumnFit> kFits{
    {Role::identifier, 0, 1}, {Role::reading}, {Role::number}, {Role::date}, {Role::flag}};

std::vector<std::vector<Cell>> rows() {
    return {
        {{"smith-and-sons-engineering-holdings"},
         {"Send the revised fee proposal for the Halle 3 structural design to Jürgen"},
         {"1,150,000"},
         {"2026-11-20"},
         {"3d overdue"}},
        {{"東京設計"}, {"東京設計事務所に見積書を送る"}, {"95,000"}, {"2026-12-01"}, {"in 8d"}}};
}

std::string laid_out(int width) {
    return render::lay_out(kHeaders, kFits, rows(), Styler(false), width).str();
}

// `line` from display column `at` on.
std::string from_column(const std::string& line, int at) {
    std::string out;
    int col = 0;
    for (char32_t cp : utf8_decode(line)) {
        if (col >= at)
            utf8_append(out, cp);
        col += char_width(cp);
    }
    return out;
}

// The text under `header` on lines [row_from, row_to), joined by spaces.
std::string column_text(const std::string& table, const std::string& header, std::size_t row_from,
                        std::size_t row_to) {
    const auto lines = split(table, '\n');
    const int at = display_width(lines[0].substr(0, lines[0].find(header)));
    std::string out;
    for (std::size_t k = row_from; k < row_to && k < lines.size(); ++k) {
        std::string piece = from_column(lines[k], at);
        piece = piece.substr(0, piece.find("  "));
        if (!piece.empty())
            out += (out.empty() ? "" : " ") + piece;
    }
    return out;
}

}  // namespace

TEST_CASE("lay_out: piped, every cell whole on one line") {
    const std::string out = laid_out(0);
    CHECK(split(out, '\n').size() == 3);
    CHECK(out.find("smith-and-sons-engineering-holdings") != std::string::npos);
    CHECK(out.find("to Jürgen") != std::string::npos);
}

TEST_CASE("lay_out: at 80 the reading column keeps 30 and wraps whole; numbers and dates whole") {
    const auto widths = render::column_widths(kHeaders, kFits, rows(), 80);
    CHECK(widths[1] >= 30);
    const std::string out = laid_out(80);
    CHECK(widest_line(out) <= 80);
    CHECK(out.find("1,150,000") != std::string::npos);
    CHECK(out.find("2026-11-20") != std::string::npos);
    CHECK(out.find("3d overdue") != std::string::npos);
    // The identifier gave way first: cut, or gone.
    CHECK(out.find("smith-and-sons-engineering-holdings") == std::string::npos);
    // The text read across its continuation lines is the whole text.
    const auto lines = split(out, '\n');
    std::size_t second = 1;
    while (second < lines.size() && lines[second].find("東京") == std::string::npos)
        ++second;
    CHECK(column_text(out, "WHAT", 1, second) ==
          "Send the revised fee proposal for the Halle 3 structural design to Jürgen");
}

TEST_CASE("lay_out: numbers right-aligned, CJK measured by display width") {
    const std::string out = laid_out(0);
    const auto lines = split(out, '\n');
    // Every VALUE ends at the same display column.
    auto end_of = [](const std::string& l, const std::string& v) {
        return display_width(l.substr(0, l.find(v) + v.size()));
    };
    CHECK(end_of(lines[1], "1,150,000") == end_of(lines[2], "95,000"));
    CHECK(end_of(lines[0], "VALUE") == end_of(lines[1], "1,150,000"));
}

TEST_CASE("lay_out: narrower than 80, identifiers go, then a from column; never a cut number") {
    for (int width : {60, 50, 40}) {
        const std::string out = laid_out(width);
        CHECK(widest_line(out) <= width);
        CHECK(out.find("1,150,000") != std::string::npos);
        CHECK(out.find("3d overdue") != std::string::npos);
        CHECK(out.find("SLUG") == std::string::npos);
    }
    const std::vector<ColumnFit> from{{Role::identifier, 0, 1},
                                      {Role::reading},
                                      {Role::number},
                                      {Role::date, 0, 0, 100},
                                      {Role::flag}};
    const auto at_80 = render::column_widths(kHeaders, from, rows(), 80);
    CHECK(at_80[3] == -1);  // the date beside "3d overdue" only from 100 columns
    const auto at_120 = render::column_widths(kHeaders, from, rows(), 120);
    CHECK(at_120[3] == 10);
}

TEST_CASE("lay_out: colour only where the styler is on, padding outside it") {
    const std::vector<std::vector<Cell>> r{
        {{"a"}, {"text", render::Style::bold}, {"1"}, {""}, {""}}};
    const std::string on = render::lay_out(kHeaders, kFits, r, Styler(true), 0).str();
    CHECK(on.find("\x1b[1mtext\x1b[0m") != std::string::npos);
    const std::string off = render::lay_out(kHeaders, kFits, r, Styler(false), 0).str();
    CHECK(off.find('\x1b') == std::string::npos);
}

TEST_CASE("wrap_cell: between words, a long CJK run between characters") {
    CHECK(render::wrap_cell("one two three", 7) == std::vector<std::string>{"one two", "three"});
    CHECK(render::wrap_cell("東京設計事務所", 6) ==
          std::vector<std::string>{"東京設", "計事務", "所"});
    CHECK(render::wrap_cell("short", 10) == std::vector<std::string>{"short"});
}

TEST_CASE("parse_format: the command's formats only, refused in crm's words") {
    using render::OutputFormat;
    const std::vector<OutputFormat> formats{OutputFormat::table, OutputFormat::json,
                                            OutputFormat::csv, OutputFormat::markdown};
    CHECK(render::parse_format("csv", formats) == OutputFormat::csv);
    CHECK(render::format_name(OutputFormat::vcard) == "vcard");
    try {
        render::parse_format("ics", formats);
        FAIL("accepted");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "--format: 'ics' is not one of table, json, csv, markdown");
    }
}
