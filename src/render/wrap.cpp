#include "crm/render/wrap.hpp"

#include <algorithm>

#include "crm/render/terminal_text.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

std::string wrap(const std::string& text, int width, const std::string& indent) {
    const int room = width > 0 ? std::max(20, width - display_width(indent)) : 0;
    std::string out, line, word;
    auto flush = [&] {
        out += indent + line + "\n";
        line.clear();
    };
    auto add_word = [&] {
        if (word.empty())
            return;
        if (room && display_width(word) > room) {
            if (!line.empty())
                flush();
            std::string piece;
            for (char32_t cp : utf8_decode(word)) {
                std::string next = piece;
                utf8_append(next, cp);
                if (display_width(next) > room) {
                    line = piece;
                    flush();
                    next.clear();
                    utf8_append(next, cp);
                }
                piece = std::move(next);
            }
            word = piece;
        }
        if (room && !line.empty() && display_width(line) + 1 + display_width(word) > room)
            flush();
        line += (line.empty() ? "" : " ") + word;
        word.clear();
    };
    // Newlines, tabs and every other control character end a word like a space.
    for (char ch : one_line(text)) {
        if (ch == ' ')
            add_word();
        else
            word += ch;
    }
    add_word();
    if (!line.empty())
        flush();
    return out;
}

}  // namespace crm::render
