// crm search's streaming table: widths from the terminal alone, the text wrapped whole.
#include <doctest/doctest.h>

#include "crm/render/search_view.hpp"
#include "crm/render/table_layout.hpp"
#include "crm/util/text.hpp"

using namespace crm;
using namespace crm::render;

TEST_CASE("the columns come from the terminal's width and fill it; the text keeps 30 at 80") {
    for (int width : {60, 80, 100, 120}) {
        CAPTURE(width);
        SearchTable t(Styler(false), width);
        CHECK(t.name_width() + t.file_width() + t.text_width() + 4 == width);
        CHECK(t.text_width() >= 30);
        CHECK(t.text_width() >= t.file_width());
    }
    SearchTable t80(Styler(false), 80);
    CHECK(t80.header() == "CLIENT            FILE:LINE                    TEXT\n");
}

TEST_CASE("a row wraps the name and the text, and shortens the file") {
    SearchTable t(Styler(false), 80);  // 16, 27, 33
    const std::string out =
        t.row("Acme Engineering Pty Ltd",
              "clients/acme-engineering-pty-ltd/visits/2026-11-20-alice-smith-a41c07.yaml", 12,
              "notes: we talked about the bridge retrofit and the deck for an hour");
    // The client's folder goes first (the name says whose), then the file's middle.
    CHECK(out ==
          "Acme Engineering  visits/2026-1…41c07.yaml:12  notes: we talked about the bridge\n"
          "Pty Ltd                                        retrofit and the deck for an hour\n");
    CHECK(t.row("A", "clients/a/visits/2026-11-20-x.yaml", 3, "t") ==
          "A                 visits/2026-11-20-x.yaml:3   t\n");
    for (const auto& line : split(out, '\n'))
        CHECK(display_width(line) <= 80);
}

TEST_CASE("piped: nothing cut or wrapped") {
    SearchTable t(Styler(false), 0);
    const std::string text(200, 'x');
    const std::string out = t.row("A", "clients/a/client.yaml", 1, text);
    CHECK(out.find(text) != std::string::npos);
    CHECK(out.find('\n') == out.size() - 1);
}

TEST_CASE("wrap_cell breaks between words, cuts a word too wide, counts CJK as two") {
    CHECK(wrap_cell("one two three", 7) == std::vector<std::string>{"one two", "three"});
    CHECK(wrap_cell("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
    CHECK(wrap_cell("東京都庁", 5) == std::vector<std::string>{"東京", "都庁"});
    CHECK(wrap_cell("", 5) == std::vector<std::string>{""});
    CHECK(keep_end("clients/acme/client.yaml:3", 10) == "…nt.yaml:3");
    CHECK(keep_ends("clients/acme/client.yaml:3", 11) == "clien…aml:3");
    CHECK(keep_end("short:1", 10) == "short:1");
}
