#include "crm/yaml/scalars.hpp"

#include <algorithm>

#include "scalar_scanner.hpp"

namespace crm::yaml {

namespace quick {

Scanner::Scanner(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        lines_.push_back(line);
        pos = end + 1;
    }
}

std::vector<Scalar> Scanner::run() {
    std::size_t row = 0;
    while (row < lines_.size()) {
        const std::string_view line = lines_[row];
        if (blank(line)) {
            ++row;
            continue;
        }
        const std::size_t col = indent(line);
        if (line[col] == '#') {
            ++row;
            continue;
        }
        if (col == 0 && (is_doc_marker(line) || line[0] == '%'))
            throw Decline{};
        row = content_line(row, col);
    }
    return std::move(values_);
}

// Leading spaces; a tab among them is indentation no YAML reader accepts.
std::size_t Scanner::indent(std::string_view line) {
    std::size_t col = 0;
    while (col < line.size() && line[col] == ' ')
        ++col;
    if (col < line.size() && line[col] == '\t')
        throw Decline{};
    return col;
}

// One line that starts something: list dashes, a key, a value. Returns the next row.
std::size_t Scanner::content_line(std::size_t row, std::size_t col) {
    const std::string_view line = lines_[row];
    // A value may start here only under a key or dash that left its value for later.
    std::optional<std::size_t> parent;
    if (pending_ && col > *pending_)
        parent = pending_;
    pending_.reset();
    while (line[col] == '-' && (col + 1 == line.size() || is_space(line[col + 1]))) {
        parent = col;
        col = skip_spaces(line, col + 1);
        if (col == line.size() || line[col] == '#') {
            pending_ = parent;
            return row + 1;
        }
    }
    if (auto after = key_end(line, col)) {
        parent = col;
        col = skip_spaces(line, *after);
        if (col == line.size() || line[col] == '#') {
            pending_ = parent;
            return row + 1;
        }
    }
    if (!parent)  // top-level text, or a second value under one key
        throw Decline{};
    return value(row, col, *parent);
}

// The column after a key's ':' when the line has a key at `col`.
std::optional<std::size_t> Scanner::key_end(std::string_view line, std::size_t col) {
    const char c = line[col];
    if (c == '"' || c == '\'') {
        std::size_t p = col + 1;
        for (; p < line.size(); ++p) {
            if (c == '"' && line[p] == '\\') {
                ++p;
            } else if (line[p] == c) {
                if (c == '\'' && p + 1 < line.size() && line[p + 1] == '\'')
                    ++p;
                else
                    break;
            }
        }
        if (p >= line.size())
            return std::nullopt;
        p = skip_spaces(line, p + 1);
        if (p < line.size() && separator_at(line, p))
            return p + 1;
        return std::nullopt;
    }
    if (std::string_view("[{&*!|>%@`#,]}").find(c) != std::string_view::npos)
        return std::nullopt;
    for (std::size_t p = col; p < line.size(); ++p) {
        if (line[p] == '#' && p > col && is_space(line[p - 1]))
            return std::nullopt;
        if (separator_at(line, p))
            return p + 1;
    }
    return std::nullopt;
}

// A value starting at `col` of `row`, inside a node at column `parent`.
std::size_t Scanner::value(std::size_t row, std::size_t col, std::size_t parent) {
    const std::string_view line = lines_[row];
    const char c = line[col];
    const bool spaced = col + 1 == line.size() || is_space(line[col + 1]);
    if (std::string_view("&*!%@`,]}").find(c) != std::string_view::npos ||
        (std::string_view("?:-").find(c) != std::string_view::npos && spaced))
        throw Decline{};
    if (c == '|' || c == '>')
        return block(row, col, parent);
    r_ = row;
    p_ = col;
    if (c == '"' || c == '\'')
        emit(quoted(parent + 1), false);
    else if (c == '[' || c == '{')
        flow_collection(0);
    else
        return plain(row, col, parent);
    return line_end();
}

// After a quoted or flow value: nothing but a comment may follow on its line.
std::size_t Scanner::line_end() {
    const std::string_view line = lines_[r_];
    const std::size_t p = skip_spaces(line, p_);
    if (p < line.size() && (line[p] != '#' || p == p_))
        throw Decline{};
    return r_ + 1;
}

void Scanner::emit(Scalar s, bool plain) {
    if (s.text.empty() || (plain && is_null_word(s.text)))
        return;
    values_.push_back(std::move(s));
}

// `|` or `>`: the lines indented deeper than the parent, one piece each.
std::size_t Scanner::block(std::size_t row, std::size_t col, std::size_t parent) {
    const std::string_view header = lines_[row];
    std::size_t p = col + 1;
    while (p < header.size() && (header[p] == '+' || header[p] == '-'))
        ++p;  // chomping changes only the final line breaks
    p = skip_spaces(header, p);
    if (p < header.size() && header[p] != '#')  // an indentation indicator, or junk
        throw Decline{};
    Scalar s;
    std::size_t content = std::string_view::npos;
    std::size_t r = row + 1;
    for (; r < lines_.size(); ++r) {
        const std::string_view line = lines_[r];
        if (blank(line)) {
            if (content != std::string_view::npos)
                s.text += '\n';
            continue;
        }
        std::size_t ind = 0;
        while (line[ind] == ' ')
            ++ind;
        if (ind <= parent)
            break;
        if (content == std::string_view::npos)
            content = ind;
        else if (ind < content)
            throw Decline{};
        if (!s.pieces.empty())
            s.text += '\n';
        s.pieces.push_back({s.text.size(), static_cast<int>(r + 1)});
        s.text += line.substr(content);
    }
    emit(std::move(s), false);
    return r;
}

// The text of a plain scalar's line from `p`: up to a comment, trailing spaces cut.
// `ended` tells whether a comment ended it; `: ` inside is no plain scalar.
std::string_view Scanner::plain_part(std::string_view line, std::size_t p, bool& ended) {
    std::size_t end = p;
    ended = false;
    for (; end < line.size(); ++end) {
        if (line[end] == '#' && end > p && is_space(line[end - 1])) {
            ended = true;
            break;
        }
        if (separator_at(line, end))
            throw Decline{};
    }
    std::string_view part = line.substr(p, end - p);
    while (!part.empty() && is_space(part.back()))
        part.remove_suffix(1);
    return part;
}

// A plain scalar in block context, with its lines indented deeper than the parent.
std::size_t Scanner::plain(std::size_t row, std::size_t col, std::size_t parent) {
    bool ended = false;
    Scalar s;
    s.pieces.push_back({0, static_cast<int>(row + 1)});
    s.text = plain_part(lines_[row], col, ended);
    std::size_t r = row + 1;
    std::size_t blanks = 0;
    for (; !ended && r < lines_.size(); ++r) {
        const std::string_view line = lines_[r];
        if (blank(line)) {
            ++blanks;
            continue;
        }
        const std::size_t ind = indent(line);
        if (ind <= parent || line[ind] == '#')
            break;
        s.text.append(blanks ? blanks : 1, blanks ? '\n' : ' ');
        blanks = 0;
        s.pieces.push_back({s.text.size(), static_cast<int>(r + 1)});
        s.text += plain_part(line, ind, ended);
    }
    emit(std::move(s), true);
    return r;
}

}  // namespace quick

namespace {

void walk(const Node& n, std::vector<Scalar>& out) {
    if (n.is_scalar() && !n.value.empty())
        out.push_back({n.value, {{0, n.mark.line}}});
    for (const auto& item : n.items)
        walk(item, out);
    for (const auto& entry : n.entries)
        walk(entry.second, out);
}

}  // namespace

int Scalar::line_at(std::size_t offset) const {
    auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                               [](std::size_t o, const Piece& p) { return o < p.offset; });
    return it == pieces.begin() ? (pieces.empty() ? 0 : pieces.front().line) : std::prev(it)->line;
}

std::optional<std::vector<Scalar>> quick_scalars(std::string_view text) {
    try {
        return quick::Scanner(text).run();
    } catch (const quick::Decline&) {
        return std::nullopt;
    }
}

std::vector<Scalar> scalars_of(const Node& root) {
    std::vector<Scalar> out;
    walk(root, out);
    return out;
}

}  // namespace crm::yaml
