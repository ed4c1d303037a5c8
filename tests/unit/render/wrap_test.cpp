#include <doctest/doctest.h>

#include "crm/render/wrap.hpp"
#include "crm/util/text.hpp"

using crm::render::wrap;

TEST_CASE("wrap breaks between words and indents every line") {
    CHECK(wrap("one two three four", 0, "  ") == "  one two three four\n");
    CHECK(wrap("aaaa bbbb cccc dddd eeee ffff", 22, "  ") ==
          "  aaaa bbbb cccc dddd\n  eeee ffff\n");
    CHECK(wrap("", 40) == "");
}

TEST_CASE("wrap cuts a CJK run by display width") {
    const std::string text =
        "素晴らしい仕事でした素晴らしい仕事でした素晴らしい仕事でした";  // 60 columns
    const std::string out = wrap(text, 24);
    std::size_t start = 0;
    int lines = 0;
    while (start < out.size()) {
        std::size_t end = out.find('\n', start);
        CHECK(crm::display_width(out.substr(start, end - start)) <= 24);
        start = end + 1;
        ++lines;
    }
    CHECK(lines == 3);
}

TEST_CASE("wrap shows control characters as spaces, so they only separate words") {
    CHECK(wrap("one\x1b]0;title\x07two\rthree", 0, "  ") == "  one ]0;title two three\n");
    CHECK(wrap("a\xC2\x9B"
               "b",
               0) == "a b\n");
}

TEST_CASE("fit_lines breaks long lines under their text, keeping colours whole") {
    using crm::render::fit_lines;
    CHECK(fit_lines("  owner        Alice Smith of the long name\n", 30) ==
          "  owner        Alice Smith of\n               the long name\n");
    CHECK(fit_lines("      discussed: one two three four five\n", 24) ==
          "      discussed: one two\n        three four five\n");
    CHECK(fit_lines("short\n", 30) == "short\n");
    CHECK(fit_lines("no limit at all, however long the line may be", 0) ==
          "no limit at all, however long the line may be");
    // A colour across the break is closed before it and opened again after the indent.
    CHECK(fit_lines("  a  \x1b[31mred words here and more\x1b[0m\n", 20) ==
          "  a  \x1b[31mred words here\x1b[0m\n     \x1b[31mand more\x1b[0m\n");
    // Too little room beside the label: continued lines hang just inside.
    CHECK(fit_lines("  label  one two three\n", 14) == "  label  one\n  two three\n");
}
