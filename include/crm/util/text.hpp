#pragma once
// Locale-independent text helpers: crm never consults the C locale, so the same input
// gives the same output on every machine.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crm {
inline namespace util {

std::string ascii_lower(std::string_view s);
std::string trim(std::string_view s);
bool contains_ci(std::string_view haystack, std::string_view needle);  // ASCII case folding
// The items with `sep` between them: "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view sep);
// The pieces between `sep`s, empty ones kept; a trailing `sep` ends the last piece rather
// than starting an empty one, as git's NUL- and newline-terminated output wants.
std::vector<std::string> split(std::string_view s, char sep);

// UTF-8 decoding that never fails: an invalid byte decodes as U+FFFD and advances by one.
std::vector<char32_t> utf8_decode(std::string_view s);
void utf8_append(std::string& out, char32_t cp);
// The value of a hexadecimal digit in either case, or -1 for any other character.
int hex_digit_value(char c);
bool is_valid_utf8(std::string_view s);

// Terminal columns a string takes: wide East Asian characters count 2, combining marks 0.
int display_width(std::string_view s);
int char_width(char32_t cp);
// Cut to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view s, int width);

// Case-insensitive for ASCII and the Latin letters of the transliteration table.
std::string fold_case(std::string_view s);

// Whether two names written by people (owner, watcher, author) are one person: case and
// surrounding spaces do not matter; an empty name is nobody.
bool same_person(std::string_view a, std::string_view b);

std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace util
}  // namespace crm
