#include "crm/render/wrap.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

std::string wrap(const std::string& text, int width, const std::string& indent) {
    const int room = width > 0 ? std::max(20, width - display_width(indent)) : 0;
    std::string out, line, word;
    auto flush = [&] {
        out += fmt::format("{}{}\n", indent, line);
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

namespace {

struct Piece {
    std::string text;  // a word, the spaces between words, or a colour code
    enum Kind { word, space, code } kind;
};

std::vector<Piece> pieces(std::string_view line) {
    std::vector<Piece> out;
    for (std::size_t i = 0; i < line.size();) {
        if (line[i] == '\x1b') {
            const std::size_t m = line.find('m', i);
            const std::size_t end = m == std::string_view::npos ? line.size() : m + 1;
            out.push_back({std::string(line.substr(i, end - i)), Piece::code});
            i = end;
        } else {
            const bool space = line[i] == ' ';
            std::size_t end = i;
            while (end < line.size() && line[end] != '\x1b' && (line[end] == ' ') == space)
                ++end;
            out.push_back(
                {std::string(line.substr(i, end - i)), space ? Piece::space : Piece::word});
            i = end;
        }
    }
    return out;
}

std::string fit_line(std::string_view line, int width) {
    const auto parts = pieces(line);
    // Where a continued line starts.
    int hang = 0, column = 0, words = 0;
    bool found = false;
    for (const auto& p : parts) {
        if (p.kind == Piece::word) {
            if (++words == 1 && column == 0)
                hang = 0;
        } else if (p.kind == Piece::space && words == 0) {
            hang = static_cast<int>(p.text.size()) + 2;
        } else if (p.kind == Piece::space && words == 1 && p.text.size() >= 2 && !found) {
            hang = column + static_cast<int>(p.text.size());
            found = true;
        }
        if (p.kind != Piece::code)
            column += display_width(p.text);
    }
    if (hang > width - 10)  // too little room beside the label: hang just inside
        hang = 2;
    std::string out, active, active_at_word, pending_space, pending_codes;
    int used = 0;
    bool line_has_word = false;
    for (const auto& p : parts) {
        if (p.kind == Piece::code) {
            active = p.text == "\x1b[0m" ? "" : active + p.text;
            pending_codes += p.text;
            continue;
        }
        if (p.kind == Piece::space) {
            pending_space += p.text;
            continue;
        }
        const int w = display_width(p.text);
        if (line_has_word && used + display_width(pending_space) + w > width) {
            // Break: close the colour of the line, indent, open the colour again.
            if (!active_at_word.empty())
                out += "\x1b[0m";
            out += fmt::format("\n{}{}", std::string(static_cast<std::size_t>(hang), ' '), active);
            used = hang;
        } else {
            out += pending_space + pending_codes;
            used += display_width(pending_space);
        }
        pending_space.clear();
        pending_codes.clear();
        out += p.text;
        used += w;
        line_has_word = true;
        active_at_word = active;
    }
    return out + pending_codes;
}

}  // namespace

std::string fit_lines(const std::string& rendered, int width) {
    if (width <= 0)
        return rendered;
    std::string out;
    std::size_t pos = 0;
    while (pos < rendered.size()) {
        std::size_t end = rendered.find('\n', pos);
        const bool newline = end != std::string::npos;
        if (!newline)
            end = rendered.size();
        const std::string_view line(rendered.data() + pos, end - pos);
        int plain = 0;
        for (const auto& p : pieces(line))
            if (p.kind != Piece::code)
                plain += display_width(p.text);
        out += plain > width ? fit_line(line, width) : std::string(line);
        if (newline)
            out += '\n';
        pos = end + 1;
    }
    return out;
}

}  // namespace crm::render
