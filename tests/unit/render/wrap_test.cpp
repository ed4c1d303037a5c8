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
