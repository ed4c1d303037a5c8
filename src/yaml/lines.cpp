#include "crm/yaml/lines.hpp"

#include <stdexcept>

namespace crm::yaml {

Lines::Lines(std::string_view text) {
    bom_ = text.starts_with("\xEF\xBB\xBF");
    bool eol_seen = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        Line l;
        if (nl == std::string_view::npos) {
            l.text = text.substr(pos);
            pos = text.size();
        } else {
            const bool crlf = nl > pos && text[nl - 1] == '\r';
            l.text = text.substr(pos, (crlf ? nl - 1 : nl) - pos);
            l.ending = crlf ? "\r\n" : "\n";
            pos = nl + 1;
            if (!eol_seen) {
                eol_ = l.ending;
                eol_seen = true;
            }
        }
        lines_.push_back(std::move(l));
    }
}

std::string Lines::join() const {
    std::string out;
    for (const auto& l : lines_)
        out += l.text + l.ending;
    return out;
}

void Lines::insert(std::size_t at, std::string text) {
    if (at > lines_.size())
        throw std::out_of_range("Lines::insert");
    Line l{std::move(text), eol_};
    if (at == lines_.size() && !lines_.empty() && lines_.back().ending.empty()) {
        lines_.back().ending = eol_;
        l.ending.clear();
    }
    lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at), std::move(l));
}

void Lines::erase(std::size_t first, std::size_t last) {
    if (first > last || last >= lines_.size())
        throw std::out_of_range("Lines::erase");
    lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(first),
                 lines_.begin() + static_cast<std::ptrdiff_t>(last + 1));
}

void Lines::end_with_newline() {
    if (!lines_.empty() && lines_.back().ending.empty())
        lines_.back().ending = eol_;
}

std::size_t Lines::line_of(const Mark& m) const {
    if (m.line < 1 || static_cast<std::size_t>(m.line) > lines_.size())
        throw std::out_of_range("Lines::line_of");
    return static_cast<std::size_t>(m.line - 1);
}

std::size_t Lines::column_of(const Mark& m) const {
    if (m.column < 1)
        throw std::out_of_range("Lines::column_of");
    // The parser saw the text without its byte-order mark, which sits on line 1.
    return static_cast<std::size_t>(m.column - 1) + (bom_ && m.line == 1 ? 3 : 0);
}

char Lines::char_at(const Mark& m) const noexcept {
    if (m.line < 1 || static_cast<std::size_t>(m.line) > lines_.size() || m.column < 1)
        return '\0';
    const std::string& t = lines_[static_cast<std::size_t>(m.line - 1)].text;
    // column_of's arithmetic, without its throw: the guard above already holds.
    const std::size_t c = static_cast<std::size_t>(m.column - 1) + (bom_ && m.line == 1 ? 3 : 0);
    return c < t.size() ? t[c] : '\0';
}

std::optional<std::size_t> Lines::indent(std::size_t i) const {
    const std::string& t = text(i);
    std::size_t n = t.find_first_not_of(' ');
    if (n == std::string::npos || t.find_first_not_of(" \t", n) == std::string::npos)
        return std::nullopt;
    return n;
}

bool Lines::is_comment(std::size_t i) const {
    const std::string& t = text(i);
    std::size_t n = t.find_first_not_of(' ');
    return n != std::string::npos && t[n] == '#';
}

std::size_t Lines::block_end(std::size_t first, std::size_t column) const {
    (void)text(first);  // the block's own line must exist
    std::size_t last = first;
    for (std::size_t i = first + 1; i < lines_.size(); ++i) {
        std::optional<std::size_t> in = indent(i);
        if (!in)
            continue;
        if (*in <= column)
            break;
        last = i;
    }
    return last;
}

Lines::Span Lines::entry_span(const Node& key) const {
    std::size_t line = line_of(key.mark);
    return {line, block_end(line, column_of(key.mark))};
}

std::optional<Lines::Item> Lines::item_of(const Node& item) const {
    std::size_t line = line_of(item.mark);
    std::size_t value = column_of(item.mark);
    const std::string& t = text(line);
    if (value > t.size())
        return std::nullopt;
    // What precedes the value on its line must be exactly: spaces, '-', spaces.
    std::size_t dash = t.find_first_not_of(' ');
    if (dash == std::string::npos || dash >= value || t[dash] != '-' ||
        t.find_first_not_of(' ', dash + 1) < value || dash + 1 == value)
        return std::nullopt;
    return Item{{line, block_end(line, dash)}, dash, value};
}

}  // namespace crm::yaml
