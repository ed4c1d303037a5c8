#include <doctest/doctest.h>

#include "crm/formats/text_encoding.hpp"

using namespace crm::formats;

TEST_CASE("decode_quoted_printable: bytes, soft breaks, and slips kept as text") {
    CHECK(decode_quoted_printable("M=C3=BCller") == "M\u00fcller");
    CHECK(decode_quoted_printable("m=c3=bcller") == "m\u00fcller");  // lower-case hex
    CHECK(decode_quoted_printable("one=\r\ntwo=\nthree") == "onetwothree");
    CHECK(decode_quoted_printable("a=0D=0Ab") == "a\r\nb");
    CHECK(decode_quoted_printable("1+1=2") == "1+1=2");  // not an escape: kept
    CHECK(decode_quoted_printable("end=") == "end=");
    CHECK(decode_quoted_printable("=3D=ZZ") == "==ZZ");
}

TEST_CASE("to_utf8: windows-1252, ISO-8859-1 as WHATWG reads it, latin9, UTF-8") {
    CHECK(to_utf8("Caf\xE9", "ISO-8859-1") == "Caf\u00e9");
    CHECK(to_utf8("\x80\x93x\x94\x96", "windows-1252") == "\u20ac\u201cx\u201d\u2013");
    CHECK(to_utf8("\x80", "latin1") == "\u20ac");  // what Windows labelled latin1 means
    CHECK(to_utf8("\x81", "cp1252") == "\ufffd");  // undefined in windows-1252
    CHECK(to_utf8("\xA4", "ISO-8859-15") == "\u20ac");
    CHECK(to_utf8("\xA4", "ISO-8859-1") == "\u00a4");
    CHECK(to_utf8("J\u00fcrgen", "\"UTF-8\"") == "J\u00fcrgen");
    CHECK(to_utf8("utf8 too", "utf8") == "utf8 too");
    CHECK_FALSE(to_utf8("\xFC", "UTF-8"));
    CHECK_FALSE(to_utf8("x", "KOI8-R"));
    CHECK(cp1252_to_utf8("plain ascii") == "plain ascii");
}
