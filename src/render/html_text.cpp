#include "crm/render/html_text.hpp"

#include "crm/util/text.hpp"

namespace crm::render {

namespace {

bool is_noncharacter(char32_t cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

std::string escape(std::string_view text, bool keep_lines) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : utf8_decode(text)) {
        switch (cp) {
            case U'&':
                out += "&amp;";
                continue;
            case U'<':
                out += "&lt;";
                continue;
            case U'>':
                out += "&gt;";
                continue;
            case U'"':
                out += "&quot;";
                continue;
            case U'\'':
                out += "&#39;";
                continue;
            case U'\n':
                out += keep_lines ? "<br>" : " ";
                continue;
            default:
                break;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
            out += ' ';
        else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || is_noncharacter(cp))
            utf8_append(out, U'\uFFFD');
        else
            utf8_append(out, cp);
    }
    return out;
}

}  // namespace

std::string html_text(std::string_view text) {
    return escape(text, false);
}

std::string html_lines(std::string_view text) {
    return escape(text, true);
}

}  // namespace crm::render
