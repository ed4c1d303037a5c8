#include <doctest/doctest.h>

#include "crm/util/text.hpp"

TEST_CASE("ascii_lower and trim leave other bytes alone") {
    CHECK(crm::ascii_lower("ÄBC Def") == "Äbc def");
    CHECK(crm::trim(" \t\r\n x y \n") == "x y");
    CHECK(crm::trim("") == "");
    CHECK(crm::trim("   ") == "");
}

TEST_CASE("join puts the separator between items only") {
    CHECK(crm::join({}, ", ") == "");
    CHECK(crm::join({"a"}, ", ") == "a");
    CHECK(crm::join({"a", "", "c"}, "; ") == "a; ; c");
}

TEST_CASE("split keeps empty pieces but ends at a trailing separator") {
    using V = std::vector<std::string>;
    CHECK(crm::split("", '\0') == V{});
    CHECK(crm::split(std::string_view("a\0\0b\0", 5), '\0') == V{"a", "", "b"});
    CHECK(crm::split("a,b", ',') == V{"a", "b"});
    CHECK(crm::split(",a", ',') == V{"", "a"});
}

TEST_CASE("hex_digit_value reads either case and refuses the rest") {
    CHECK(crm::hex_digit_value('0') == 0);
    CHECK(crm::hex_digit_value('9') == 9);
    CHECK(crm::hex_digit_value('a') == 10);
    CHECK(crm::hex_digit_value('F') == 15);
    CHECK(crm::hex_digit_value('g') == -1);
    CHECK(crm::hex_digit_value('=') == -1);
}

TEST_CASE("fold_case folds ASCII, Latin, Greek and Cyrillic capitals") {
    CHECK(crm::fold_case("MÜLLER") == "müller");
    CHECK(crm::fold_case("ŁÓDŹ") == "łódź");
    CHECK(crm::fold_case("ΑΘΗΝΑ") == "αθηνα");
    CHECK(crm::fold_case("МОСКВА") == "москва");
    CHECK(crm::fold_case("日本") == "日本");
    CHECK(crm::fold_case("×") == "×");  // the multiplication sign is not a letter
    CHECK(crm::contains_ci("Müller & Söhne", "SÖHNE"));
    CHECK_FALSE(crm::contains_ci("Müller", "x"));
}

TEST_CASE("UTF-8 decoding never fails and flags invalid input") {
    CHECK(crm::utf8_decode("aé日😀") == std::vector<char32_t>{U'a', U'é', U'日', U'😀'});
    CHECK(crm::utf8_decode("\xff") == std::vector<char32_t>{0xFFFD});
    CHECK(crm::utf8_decode("a\xe6\x97") == std::vector<char32_t>{U'a', 0xFFFD, 0xFFFD});
    CHECK(crm::is_valid_utf8("aé日😀"));
    CHECK_FALSE(crm::is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(crm::is_valid_utf8("\xed\xa0\x80"));      // a surrogate
    CHECK_FALSE(crm::is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(crm::is_valid_utf8("\xe6\x97"));          // cut short
    std::string s;
    for (char32_t cp : {U'a', U'é', U'日', U'😀'})
        crm::utf8_append(s, cp);
    CHECK(s == "aé日😀");
}

TEST_CASE("display width counts terminal columns") {
    CHECK(crm::display_width("abc") == 3);
    CHECK(crm::display_width("Müller") == 6);
    CHECK(crm::display_width("日本") == 4);
    CHECK(crm::display_width("e\u0301") == 1);  // e + combining acute
    CHECK(crm::display_width("😀") == 2);
    CHECK(crm::display_width("") == 0);
}

TEST_CASE("truncate_to_width cuts by columns and marks the cut") {
    CHECK(crm::truncate_to_width("abcdef", 10) == "abcdef");
    CHECK(crm::truncate_to_width("abcdef", 4) == "abc…");
    CHECK(crm::truncate_to_width("日本語です", 5) == "日本…");
    CHECK(crm::display_width(crm::truncate_to_width("日本語です", 6)) <= 6);
    CHECK(crm::truncate_to_width("abc", 0) == "");
}

TEST_CASE("edit_distance") {
    CHECK(crm::edit_distance("kitten", "sitting") == 3);
    CHECK(crm::edit_distance("", "abc") == 3);
    CHECK(crm::edit_distance("same", "same") == 0);
    CHECK(crm::edit_distance("acem", "acme") == 1);  // a swap is one edit
    CHECK(crm::edit_distance("smtih", "smith") == 1);
    CHECK(crm::edit_distance("ab", "ba") == 1);
}

TEST_CASE("fold_case keeps small letters small across Latin Extended-A") {
    // Ł/ł and Ź/ź pair odd/even, unlike most of the block: ł must not become Ń.
    CHECK(crm::fold_case("łódź") == "łódź");
    CHECK(crm::fold_case("Łódź") == "łódź");
    CHECK(crm::fold_case("ŽŠČ") == "žšč");
    CHECK(crm::fold_case("žšč") == "žšč");
    CHECK(crm::fold_case("ŇŃĽ") == "ňńľ");
    CHECK(crm::fold_case("Ÿ") == "ÿ");
    CHECK(crm::fold_case("ĸŉſ") == "ĸŉſ");
}
