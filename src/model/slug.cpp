#include "crm/model/slug.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

namespace {

struct Translit {
    char32_t cp;
    const char* ascii;
};

// Sorted by code point. Latin-1, Latin Extended-A, the common Latin Extended-B letters,
// Greek and Cyrillic (a simple one-letter-per-letter scheme, not any national standard).
constexpr Translit kTable[] = {
    {0xC0, "a"},     {0xC1, "a"},   {0xC2, "a"},   {0xC3, "a"},   {0xC4, "a"},     {0xC5, "a"},
    {0xC6, "ae"},    {0xC7, "c"},   {0xC8, "e"},   {0xC9, "e"},   {0xCA, "e"},     {0xCB, "e"},
    {0xCC, "i"},     {0xCD, "i"},   {0xCE, "i"},   {0xCF, "i"},   {0xD0, "d"},     {0xD1, "n"},
    {0xD2, "o"},     {0xD3, "o"},   {0xD4, "o"},   {0xD5, "o"},   {0xD6, "o"},     {0xD8, "o"},
    {0xD9, "u"},     {0xDA, "u"},   {0xDB, "u"},   {0xDC, "u"},   {0xDD, "y"},     {0xDE, "th"},
    {0xDF, "ss"},    {0xE0, "a"},   {0xE1, "a"},   {0xE2, "a"},   {0xE3, "a"},     {0xE4, "a"},
    {0xE5, "a"},     {0xE6, "ae"},  {0xE7, "c"},   {0xE8, "e"},   {0xE9, "e"},     {0xEA, "e"},
    {0xEB, "e"},     {0xEC, "i"},   {0xED, "i"},   {0xEE, "i"},   {0xEF, "i"},     {0xF0, "d"},
    {0xF1, "n"},     {0xF2, "o"},   {0xF3, "o"},   {0xF4, "o"},   {0xF5, "o"},     {0xF6, "o"},
    {0xF8, "o"},     {0xF9, "u"},   {0xFA, "u"},   {0xFB, "u"},   {0xFC, "u"},     {0xFD, "y"},
    {0xFE, "th"},    {0xFF, "y"},   {0x152, "oe"}, {0x153, "oe"}, {0x192, "f"},    {0x218, "s"},
    {0x219, "s"},    {0x21A, "t"},  {0x21B, "t"},  {0x391, "a"},  {0x392, "v"},    {0x393, "g"},
    {0x394, "d"},    {0x395, "e"},  {0x396, "z"},  {0x397, "i"},  {0x398, "th"},   {0x399, "i"},
    {0x39A, "k"},    {0x39B, "l"},  {0x39C, "m"},  {0x39D, "n"},  {0x39E, "x"},    {0x39F, "o"},
    {0x3A0, "p"},    {0x3A1, "r"},  {0x3A3, "s"},  {0x3A4, "t"},  {0x3A5, "y"},    {0x3A6, "f"},
    {0x3A7, "ch"},   {0x3A8, "ps"}, {0x3A9, "o"},  {0x3AC, "a"},  {0x3AD, "e"},    {0x3AE, "i"},
    {0x3AF, "i"},    {0x3B1, "a"},  {0x3B2, "v"},  {0x3B3, "g"},  {0x3B4, "d"},    {0x3B5, "e"},
    {0x3B6, "z"},    {0x3B7, "i"},  {0x3B8, "th"}, {0x3B9, "i"},  {0x3BA, "k"},    {0x3BB, "l"},
    {0x3BC, "m"},    {0x3BD, "n"},  {0x3BE, "x"},  {0x3BF, "o"},  {0x3C0, "p"},    {0x3C1, "r"},
    {0x3C2, "s"},    {0x3C3, "s"},  {0x3C4, "t"},  {0x3C5, "y"},  {0x3C6, "f"},    {0x3C7, "ch"},
    {0x3C8, "ps"},   {0x3C9, "o"},  {0x3CC, "o"},  {0x3CD, "y"},  {0x3CE, "o"},    {0x401, "e"},
    {0x404, "ie"},   {0x406, "i"},  {0x407, "i"},  {0x410, "a"},  {0x411, "b"},    {0x412, "v"},
    {0x413, "g"},    {0x414, "d"},  {0x415, "e"},  {0x416, "zh"}, {0x417, "z"},    {0x418, "i"},
    {0x419, "i"},    {0x41A, "k"},  {0x41B, "l"},  {0x41C, "m"},  {0x41D, "n"},    {0x41E, "o"},
    {0x41F, "p"},    {0x420, "r"},  {0x421, "s"},  {0x422, "t"},  {0x423, "u"},    {0x424, "f"},
    {0x425, "kh"},   {0x426, "ts"}, {0x427, "ch"}, {0x428, "sh"}, {0x429, "shch"}, {0x42A, ""},
    {0x42B, "y"},    {0x42C, ""},   {0x42D, "e"},  {0x42E, "iu"}, {0x42F, "ia"},   {0x430, "a"},
    {0x431, "b"},    {0x432, "v"},  {0x433, "g"},  {0x434, "d"},  {0x435, "e"},    {0x436, "zh"},
    {0x437, "z"},    {0x438, "i"},  {0x439, "i"},  {0x43A, "k"},  {0x43B, "l"},    {0x43C, "m"},
    {0x43D, "n"},    {0x43E, "o"},  {0x43F, "p"},  {0x440, "r"},  {0x441, "s"},    {0x442, "t"},
    {0x443, "u"},    {0x444, "f"},  {0x445, "kh"}, {0x446, "ts"}, {0x447, "ch"},   {0x448, "sh"},
    {0x449, "shch"}, {0x44A, ""},   {0x44B, "y"},  {0x44C, ""},   {0x44D, "e"},    {0x44E, "iu"},
    {0x44F, "ia"},   {0x451, "e"},  {0x454, "ie"}, {0x456, "i"},  {0x457, "i"},    {0x1E9E, "ss"},
};

// Latin Extended-A (U+0100..U+017F) in order, one entry per code point.
constexpr std::array<const char*, 128> kLatinExtendedA = {
    "a", "a", "a",  "a",  "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    "d", "d", "e",  "e",  "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g",  "g",  "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    "l", "l", "l",  "n",  "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    "s", "s", "t",  "t",  "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u",  "u",  "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

constexpr std::size_t kMaxSlugLength = 60;

// Names Windows refuses as file names; a teammate on Windows must be able to check out.
bool is_reserved_device_name(std::string_view s) {
    static constexpr std::string_view kNames[] = {"con", "prn", "aux", "nul"};
    for (auto n : kNames)
        if (s == n)
            return true;
    if (s.size() == 4 && (s.starts_with("com") || s.starts_with("lpt")) && s[3] >= '0' &&
        s[3] <= '9') {
        return true;
    }
    return false;
}

std::string hex32(std::uint32_t v) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s(8, '0');
    for (int i = 7; i >= 0; --i, v >>= 4)
        s[static_cast<std::size_t>(i)] = kHex[v & 0xF];
    return s;
}

std::uint32_t fnv1a(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

}  // namespace

std::string_view transliterate(char32_t cp) {
    if (cp >= 0x100 && cp <= 0x17F)
        return kLatinExtendedA[cp - 0x100];
    std::size_t lo = 0, hi = std::size(kTable);
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        if (kTable[mid].cp < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < std::size(kTable) && kTable[lo].cp == cp)
        return kTable[lo].ascii;
    return {};
}

std::string slugify(std::string_view name) {
    std::string slug;
    bool pending_dash = false;
    auto put = [&](std::string_view piece) {
        if (pending_dash && !slug.empty())
            slug += '-';
        pending_dash = false;
        slug += piece;
    };
    for (char32_t cp : utf8_decode(name)) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            put(std::string(1, static_cast<char>(cp)));
        } else if (cp >= 'A' && cp <= 'Z') {
            put(std::string(1, static_cast<char>(cp - 'A' + 'a')));
        } else if (cp == '\'' || cp == 0x2019 || cp == '&') {
            // "O'Brien" -> "obrien"; "Müller & Söhne" -> "muller-sohne" (the spaces separate).
        } else if (auto t = transliterate(cp); !t.empty()) {
            put(t);
        } else {
            pending_dash = true;
        }
    }
    if (slug.size() > kMaxSlugLength) {
        slug.resize(kMaxSlugLength);
        while (!slug.empty() && slug.back() == '-')
            slug.pop_back();
    }
    if (slug.empty())
        return fmt::format("client-{}", hex32(fnv1a(name)));
    if (is_reserved_device_name(slug))
        slug += "-client";
    return slug;
}

bool is_valid_slug(std::string_view slug) {
    if (slug.empty() || slug.size() > kMaxSlugLength + 8)
        return false;
    if (slug.front() == '-' || slug.back() == '-')
        return false;
    for (char c : slug) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

std::string unique_slug(const std::string& base,
                        const std::function<bool(const std::string&)>& taken) {
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        std::string candidate = fmt::format("{}-{}", base, n);
        if (!taken(candidate))
            return candidate;
    }
}

std::string slug_root(std::string_view slug) {
    // unique_slug appends -2, -3...: a number without a leading zero, never -1 or -0.
    const auto dash = slug.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == slug.size())
        return std::string(slug);
    const std::string_view n = slug.substr(dash + 1);
    const bool counter =
        n.size() <= 6 && n.front() != '0' && (n.size() > 1 || n.front() != '1') &&
        std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
    return std::string(counter ? slug.substr(0, dash) : slug);
}

}  // namespace model
}  // namespace crm
