// Text from the folder on its way into HTML: markup characters as references, controls as
// spaces, and nothing an HTML parser would call an error.
#include <doctest/doctest.h>

#include "crm/render/html_text.hpp"

using namespace crm::render;

TEST_CASE("markup characters become character references") {
    CHECK(html_text("<b>Tom & \"Jerry's\"</b>") ==
          "&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;");
    CHECK(html_text("&amp;") == "&amp;amp;");  // already escaped text stays text
    CHECK(html_text("Müller 日本 שלום") == "Müller 日本 שלום");
}

TEST_CASE("controls become spaces; invalid UTF-8 and noncharacters U+FFFD") {
    CHECK(html_text("a\x01"
                    "b\x1b[2Jc\x7f") == "a b [2Jc ");
    CHECK(html_text("\xc2\x85x") == " x");  // C1 NEL
    CHECK(html_text("\xff"
                    "a") ==
          "\uFFFD"
          "a");                                          // not UTF-8
    CHECK(html_text("\xef\xbf\xbe") == "\uFFFD");        // U+FFFE
    CHECK(html_text("\xef\xb7\x90") == "\uFFFD");        // U+FDD0
    CHECK(html_text("\xed\xa0\x80") != "\xed\xa0\x80");  // a surrogate's bytes never pass
}

TEST_CASE("one line, or lines with <br>") {
    CHECK(html_text("one\ntwo\tthree\r\n") == "one two three  ");
    CHECK(html_lines("one\ntwo <3") == "one<br>two &lt;3");
}
