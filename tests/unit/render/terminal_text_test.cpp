#include <doctest/doctest.h>

#include <string>

#include "crm/render/terminal_text.hpp"

using crm::render::one_line;
using crm::render::safe_lines;

TEST_CASE("one_line turns every C0 control and DEL into a space") {
    for (int c = 0; c < 0x20; ++c) {
        const std::string in = std::string("a") + static_cast<char>(c) + "b";
        CAPTURE(c);
        CHECK(one_line(in) == "a b");
    }
    CHECK(one_line("a\x7f"
                   "b") == "a b");
    CHECK(one_line(std::string("a\0b", 3)) == "a b");
}

TEST_CASE("one_line replaces newlines, tabs and carriage returns") {
    CHECK(one_line("line one\nline two") == "line one line two");
    CHECK(one_line("col\tcol") == "col col");
    CHECK(one_line("typed\rover") == "typed over");
    CHECK(one_line("crlf\r\n") == "crlf  ");
}

TEST_CASE("escape sequences lose their ESC and BEL, the visible text stays") {
    CHECK(one_line("\x1b[2Jcleared") == " [2Jcleared");
    CHECK(one_line("Evil\x1b]0;pwned\x07 Co") == "Evil ]0;pwned  Co");
    CHECK(one_line("Bob\x1b[31mred\x1b[0m") == "Bob [31mred [0m");
    CHECK(safe_lines("\x1b[8mhidden\x1b[0m\n") == " [8mhidden [0m\n");
}

TEST_CASE("the C1 controls U+0080..U+009F, in UTF-8, become one space each") {
    for (int c = 0x80; c <= 0x9F; ++c) {
        const std::string in = std::string("a\xC2") + static_cast<char>(c) + "b";
        CAPTURE(c);
        CHECK(one_line(in) == "a b");
        CHECK(safe_lines(in) == "a b");
    }
    CHECK(one_line("\xC2\x9B"
                   "2J") == " 2J");  // U+009B is CSI on its own
    // U+00A0 and the rest of Latin-1 are text.
    CHECK(one_line("\xC2\xA0\xC2\xA9\xC3\xA9") == "\xC2\xA0\xC2\xA9\xC3\xA9");
}

TEST_CASE("safe_lines keeps newlines and replaces every other control") {
    CHECK(safe_lines("first\nsecond\n") == "first\nsecond\n");
    CHECK(safe_lines("a\r\nb") == "a \nb");
    CHECK(safe_lines("tab\there\x07\x1b") == "tab here  ");
    CHECK(safe_lines("\n\n") == "\n\n");
}

TEST_CASE("printable text in any script passes unchanged") {
    for (const std::string text : {
             "Müller & Söhne GmbH, Société Générale, Ærøskøbing",
             "田中建設株式会社",
             "한국어 텍스트",
             "שלום עולם",                                      // Hebrew, right to left
             "مرحبا بالعالم",                                  // Arabic
             "emoji 🎉👍🏽 and ZWJ 👨‍👩‍👧",  // astral planes, modifiers, joiners
             "curly “quotes” — and … ellipsis",
             "combining e\xCC\x81",
             "",
         }) {
        CAPTURE(text);
        CHECK(one_line(text) == text);
        CHECK(safe_lines(text) == text);
    }
}

TEST_CASE("invalid or truncated UTF-8 neither crashes nor reads past the end") {
    // A truncated sequence at the end: the lead byte stays, nothing is read beyond it.
    CHECK(one_line(std::string_view("ab\xC2", 3)) == "ab\xC2");
    CHECK(one_line(std::string_view("ab\xE2\x82", 4)) == "ab\xE2 ");
    CHECK(one_line(std::string_view("\xF0\x9F\x8E", 3)) == "\xF0  ");
    // A lone lead byte (the view ends before its continuation), then more text.
    const std::string buffer = "x\xC2\x9B";
    CHECK(one_line(std::string_view(buffer).substr(0, 2)) == "x\xC2");
    // Stray continuation bytes 0x80..0x9F are C1 controls to an 8-bit terminal.
    CHECK(one_line("\x9B"
                   "2J") == " 2J");
    CHECK(one_line("a\x85z") == "a z");
    // An overlong ESC (C0 9B) is not UTF-8 and does not become one.
    CHECK(one_line("\xC0\x9B") == "\xC0 ");
    // Other invalid bytes are left for the terminal to show as a replacement mark.
    CHECK(one_line("\xFF\xFE ok") == "\xFF\xFE ok");
    CHECK(one_line("\xED\xA0\x80") == "\xED\xA0 ");  // a surrogate
    // The output is never longer than the input.
    const std::string junk = "\xC2\xC2\x80\xE0\x80\x80\xF4\x90\x80\x80\x1b\xC2";
    CHECK(one_line(junk).size() <= junk.size());
}
