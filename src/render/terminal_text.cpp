#include "crm/render/terminal_text.hpp"

#include "crm/util/text.hpp"

namespace crm::render {

namespace {

// The length a UTF-8 lead byte announces, or 0 for a byte that cannot start a sequence.
std::size_t announced_length(unsigned char b) {
    if ((b & 0xE0) == 0xC0)
        return 2;
    if ((b & 0xF0) == 0xE0)
        return 3;
    if ((b & 0xF8) == 0xF0)
        return 4;
    return 0;
}

std::string sanitise(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            const bool control = b < 0x20 || b == 0x7F;
            out += control && !(keep_newlines && b == '\n') ? ' ' : static_cast<char>(b);
            ++i;
            continue;
        }
        const std::size_t len = announced_length(b);
        if (len > 0 && len <= text.size() - i && is_valid_utf8(text.substr(i, len))) {
            // U+0080..U+009F, the C1 controls, are C2 80..C2 9F; U+009B alone is a CSI.
            const bool c1 = b == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
            if (c1)
                out += ' ';
            else
                out.append(text.substr(i, len));
            i += len;
            continue;
        }
        // Not UTF-8: a terminal in an 8-bit mode reads a lone 0x80..0x9F as a C1
        // control, so it goes; other stray bytes show as a replacement mark and stay.
        out += b <= 0x9F ? ' ' : static_cast<char>(b);
        ++i;
    }
    return out;
}

}  // namespace

std::string one_line(std::string_view text) {
    return sanitise(text, false);
}

std::string safe_lines(std::string_view text) {
    return sanitise(text, true);
}

}  // namespace crm::render
