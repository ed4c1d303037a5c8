#include "crm/util/text.hpp"
#include "crm/util/format.hpp"

#include <algorithm>

namespace crm {
inline namespace util {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
    return fold_case(haystack).find(fold_case(needle)) != std::string::npos;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += sep;
        out += items[i];
    }
    return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    while (!s.empty()) {
        const auto end = s.find(sep);
        out.emplace_back(s.substr(0, end));
        if (end == std::string_view::npos)
            break;
        s.remove_prefix(end + 1);
    }
    return out;
}

namespace {

// Length of the UTF-8 sequence starting at s[i] and its code point, or 0 when invalid.
std::size_t decode_one(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len;
    if (b < 0x80) {
        cp = b;
        return 1;
    } else if ((b & 0xE0) == 0xC0) {
        len = 2;
        cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3;
        cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4;
        cp = b & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

}  // namespace

std::vector<char32_t> utf8_decode(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        std::size_t n = decode_one(s, i, cp);
        if (n == 0) {
            out.push_back(0xFFFD);
            ++i;
        } else {
            out.push_back(cp);
            i += n;
        }
    }
    return out;
}

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        std::size_t n = decode_one(s, i, cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

int hex_digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int char_width(char32_t cp) {
    if (cp == 0)
        return 0;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    // Combining marks and zero-width formatting characters.
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
        (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
        (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF ||
        (cp >= 0xFE00 && cp <= 0xFE0F)) {
        return 0;
    }
    // East Asian Wide and Fullwidth ranges, and emoji.
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
        return 2;
    }
    return 1;
}

int display_width(std::string_view s) {
    int w = 0;
    for (char32_t cp : utf8_decode(s))
        w += char_width(cp);
    return w;
}

std::string truncate_to_width(std::string_view s, int width) {
    if (display_width(s) <= width)
        return std::string(s);
    if (width <= 0)
        return {};
    std::string out;
    int used = 0;
    for (char32_t cp : utf8_decode(s)) {
        int w = char_width(cp);
        if (used + w > width - 1)
            break;
        utf8_append(out, cp);
        used += w;
    }
    return fmt::format("{}…", out);
}

namespace {

// Latin Extended-A pairs capital and small as even/odd (Ā ā .. ķ, Ŋ ŋ .. ŷ), except in two
// runs where it is odd/even (Ĺ..ň, Ź..ž); İ has no small letter of its own here.
bool latin_extended_capital(char32_t cp) {
    const bool even_runs = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
    const bool odd_runs = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (even_runs && cp % 2 == 0 && cp != 0x130) || (odd_runs && cp % 2 == 1);
}

}  // namespace

std::string fold_case(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t cp : utf8_decode(s)) {
        // Capitals 32 below their small letters: ASCII, Latin-1 (not ×), Greek (not the
        // unused U+03A2), Cyrillic.
        const bool plus32 = (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
                            (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
                            (cp >= 0x410 && cp <= 0x42F);
        if (plus32) {
            cp += 32;
        } else if (cp == 0x178) {
            cp = 0xFF;  // Ÿ
        } else if (latin_extended_capital(cp)) {
            cp += 1;
        } else if (cp >= 0x400 && cp <= 0x40F) {
            cp += 80;  // Ѐ..Џ
        }
        utf8_append(out, cp);
    }
    return out;
}

bool same_person(std::string_view a, std::string_view b) {
    std::string x = trim(a);
    return !x.empty() && fold_case(x) == fold_case(trim(b));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: Levenshtein plus a swap of two neighbours as one edit, the
    // commonest typo ("acem", "smtih"). Three rows: the one before last is needed for swaps.
    std::vector<std::size_t> before(b.size() + 1), last(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        last[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
        std::swap(before, last);
        std::swap(last, row);
    }
    return last[b.size()];
}

}  // namespace util
}  // namespace crm
