#include "crm/formats/text_encoding.hpp"

#include <array>

#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

// windows-1252's 0x80-0x9F, where it differs from ISO-8859-1; 0 where it defines nothing.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t cp1252(unsigned char b) {
    if (b >= 0x80 && b < 0xA0) {
        char16_t cp = kCp1252High[b - 0x80];
        return cp == 0 ? 0xFFFD : cp;
    }
    return b;
}

// ISO-8859-15 is ISO-8859-1 with eight letters and the euro sign in place of symbols.
char32_t latin9(unsigned char b) {
    switch (b) {
        case 0xA4:
            return 0x20AC;
        case 0xA6:
            return 0x0160;
        case 0xA8:
            return 0x0161;
        case 0xB4:
            return 0x017D;
        case 0xB8:
            return 0x017E;
        case 0xBC:
            return 0x0152;
        case 0xBD:
            return 0x0153;
        case 0xBE:
            return 0x0178;
        default:
            return cp1252(b);
    }
}

std::string normalised(std::string_view charset) {
    std::string out;
    for (char c : ascii_lower(trim(charset)))
        if (c != '"' && c != '-' && c != '_')
            out += c;
    return out;
}

}  // namespace

std::string decode_quoted_printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            out += text[i];
            continue;
        }
        if (i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) {
            i += (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n') ? 2 : 1;
            continue;  // a soft line break
        }
        int hi = i + 2 < text.size() ? hex_digit_value(text[i + 1]) : -1;
        int lo = hi >= 0 ? hex_digit_value(text[i + 2]) : -1;
        if (lo < 0) {
            out += '=';
            continue;
        }
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string cp1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (char c : bytes)
        utf8_append(out, cp1252(static_cast<unsigned char>(c)));
    return out;
}

std::optional<std::string> to_utf8(std::string_view bytes, std::string_view charset) {
    const std::string name = normalised(charset);
    if (name == "utf8") {
        if (!is_valid_utf8(bytes))
            return std::nullopt;
        return std::string(bytes);
    }
    if (name == "windows1252" || name == "cp1252" || name == "iso88591" || name == "latin1" ||
        name == "l1" || name == "usascii" || name == "ascii")
        return cp1252_to_utf8(bytes);
    if (name == "iso885915" || name == "latin9") {
        std::string out;
        for (char c : bytes)
            utf8_append(out, latin9(static_cast<unsigned char>(c)));
        return out;
    }
    return std::nullopt;
}

}  // namespace crm::formats
