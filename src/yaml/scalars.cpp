#include "crm/yaml/scalars.hpp"

#include <algorithm>

#include "crm/util/text.hpp"

namespace crm::yaml {

namespace {

// Thrown inside the scanner when the text is not the YAML it knows; never escapes.
struct Decline {};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

bool blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

std::size_t skip_spaces(std::string_view line, std::size_t p) {
    while (p < line.size() && is_space(line[p]))
        ++p;
    return p;
}

// A ':' that separates a key from its value (block context).
bool separator_at(std::string_view line, std::size_t p) {
    return line[p] == ':' && (p + 1 == line.size() || is_space(line[p + 1]));
}

bool is_null_word(std::string_view s) {
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_doc_marker(std::string_view line) {
    return (line.starts_with("---") || line.starts_with("...")) &&
           (line.size() == 3 || is_space(line[3]));
}

// Hex digits of a \x, \u or \U escape as a code point.
char32_t hex(std::string_view digits) {
    char32_t cp = 0;
    for (char c : digits) {
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0)
            throw Decline{};
        cp = cp * 16 + static_cast<char32_t>(d);
    }
    return cp;
}

class Scanner {
  public:
    explicit Scanner(std::string_view text) {
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

    std::vector<Scalar> run() {
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

  private:
    // Leading spaces; a tab among them is indentation no YAML reader accepts.
    static std::size_t indent(std::string_view line) {
        std::size_t col = 0;
        while (col < line.size() && line[col] == ' ')
            ++col;
        if (col < line.size() && line[col] == '\t')
            throw Decline{};
        return col;
    }

    // One line that starts something: list dashes, a key, a value. Returns the next row.
    std::size_t content_line(std::size_t row, std::size_t col) {
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
    static std::optional<std::size_t> key_end(std::string_view line, std::size_t col) {
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
    std::size_t value(std::size_t row, std::size_t col, std::size_t parent) {
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
    std::size_t line_end() {
        const std::string_view line = lines_[r_];
        const std::size_t p = skip_spaces(line, p_);
        if (p < line.size() && (line[p] != '#' || p == p_))
            throw Decline{};
        return r_ + 1;
    }

    void emit(Scalar s, bool plain) {
        if (s.text.empty() || (plain && is_null_word(s.text)))
            return;
        values_.push_back(std::move(s));
    }

    // `|` or `>`: the lines indented deeper than the parent, one piece each.
    std::size_t block(std::size_t row, std::size_t col, std::size_t parent) {
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
    static std::string_view plain_part(std::string_view line, std::size_t p, bool& ended) {
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
    std::size_t plain(std::size_t row, std::size_t col, std::size_t parent) {
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

    // A quoted scalar at the cursor; leaves the cursor after its closing quote. Its
    // further lines must be indented at least `min_indent`.
    Scalar quoted(std::size_t min_indent) {
        const char q = lines_[r_][p_++];
        Scalar s;
        s.pieces.push_back({0, static_cast<int>(r_ + 1)});
        for (;;) {
            const std::string_view line = lines_[r_];
            bool escaped_break = false;
            while (p_ < line.size()) {
                const char c = line[p_];
                if (c == q) {
                    if (q == '\'' && p_ + 1 < line.size() && line[p_ + 1] == '\'') {
                        s.text += '\'';
                        p_ += 2;
                        continue;
                    }
                    ++p_;
                    return s;
                }
                if (q == '"' && c == '\\') {
                    if (p_ + 1 == line.size()) {
                        escaped_break = true;
                        break;
                    }
                    escape(line, s.text);
                    continue;
                }
                s.text += c;
                ++p_;
            }
            // Folding: spaces around the break go, the break becomes a space (or the
            // empty lines' breaks), an escaped break becomes nothing.
            if (!escaped_break)
                while (s.text.size() > s.pieces.back().offset && is_space(s.text.back()))
                    s.text.pop_back();
            std::size_t blanks = 0;
            while (++r_ < lines_.size() && blank(lines_[r_]))
                ++blanks;
            if (r_ == lines_.size() || is_doc_marker(lines_[r_]) || indent(lines_[r_]) < min_indent)
                throw Decline{};
            if (!escaped_break)
                s.text.append(blanks ? blanks : 1, blanks ? '\n' : ' ');
            s.pieces.push_back({s.text.size(), static_cast<int>(r_ + 1)});
            p_ = skip_spaces(lines_[r_], 0);
        }
    }

    // The escape after a backslash at p_ (YAML 1.2's list); leaves p_ after it.
    void escape(std::string_view line, std::string& out) {
        const char c = line[p_ + 1];
        p_ += 2;
        static constexpr std::string_view kFrom = "0abtnvfre \"/\\\t";
        static constexpr std::string_view kTo = {"\0\a\b\t\n\v\f\r\x1b \"/\\\t", 14};
        if (auto i = kFrom.find(c); i != std::string_view::npos) {
            out.push_back(kTo[i]);
            return;
        }
        const std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
        char32_t cp = c == 'N' ? 0x85 : c == '_' ? 0xA0 : c == 'L' ? 0x2028 : c == 'P' ? 0x2029 : 0;
        if (digits) {
            if (p_ + digits > line.size())
                throw Decline{};
            cp = hex(line.substr(p_, digits));
            p_ += digits;
        }
        if (cp == 0)
            throw Decline{};
        utf8_append(out, cp);
    }

    // Skips spaces, comments and line breaks inside a flow collection.
    void flow_space() {
        for (;;) {
            const std::string_view line = lines_[r_];
            p_ = skip_spaces(line, p_);
            if (p_ < line.size() && line[p_] == '#' && p_ > 0 && is_space(line[p_ - 1]))
                p_ = line.size();
            if (p_ < line.size())
                return;
            if (++r_ == lines_.size() || is_doc_marker(lines_[r_]))
                throw Decline{};
            p_ = 0;
        }
    }
    char peek() const { return lines_[r_][p_]; }

    // `[...]` or `{...}` at the cursor; leaves the cursor after its closing bracket.
    void flow_collection(int depth) {
        if (depth > kMaxDepth)
            throw Decline{};
        const char close = peek() == '[' ? ']' : '}';
        ++p_;
        for (bool first = true;; first = false) {
            flow_space();
            if (peek() == close)
                break;
            if (!first) {
                if (peek() != ',')
                    throw Decline{};
                ++p_;
                flow_space();
                if (peek() == close)
                    break;
            }
            flow_node(depth, close == '}');
        }
        ++p_;
    }

    // One item of a flow collection: a value, or a key (dropped) and its value. In a
    // flow map, a lone scalar is a key without a value.
    void flow_node(int depth, bool in_map, bool may_be_key = true) {
        const char c = peek();
        std::optional<Scalar> s;
        bool plain = false;
        if (c == '[' || c == '{') {
            flow_collection(depth + 1);
        } else if (c == '"' || c == '\'') {
            s = quoted(0);
        } else if (std::string_view("&*!|>%@`?:,]}").find(c) != std::string_view::npos) {
            throw Decline{};
        } else {
            s = flow_plain();
            plain = true;
        }
        const std::string_view line = lines_[r_];
        const std::size_t p = skip_spaces(line, p_);
        if (p < line.size() && line[p] == ':') {
            if (!s || !may_be_key)
                throw Decline{};
            p_ = p + 1;
            flow_space();
            if (std::string_view(",]}").find(peek()) == std::string_view::npos)
                flow_node(depth, false, false);
            return;
        }
        if (s && !in_map)
            emit(std::move(*s), plain);
    }

    // A plain scalar in a flow collection: up to a flow indicator, `: ` or a comment.
    Scalar flow_plain() {
        Scalar s;
        s.pieces.push_back({0, static_cast<int>(r_ + 1)});
        for (;;) {
            const std::string_view line = lines_[r_];
            for (; p_ < line.size(); ++p_) {
                const char c = line[p_];
                if (std::string_view(",[]{}").find(c) != std::string_view::npos ||
                    (c == ':' &&
                     (p_ + 1 == line.size() || is_space(line[p_ + 1]) ||
                      std::string_view(",[]{}").find(line[p_ + 1]) != std::string_view::npos)) ||
                    (c == '#' && p_ > 0 && is_space(line[p_ - 1])))
                    break;
                s.text += c;
            }
            while (s.text.size() > s.pieces.back().offset && is_space(s.text.back()))
                s.text.pop_back();
            if (p_ < line.size() || r_ + 1 == lines_.size())
                return s;
            // At the end of a line: the scalar goes on unless the next text ends it.
            std::size_t r = r_ + 1;
            while (r < lines_.size() && blank(lines_[r]))
                ++r;
            if (r == lines_.size())
                return s;
            const std::size_t col = skip_spaces(lines_[r], 0);
            if (std::string_view(",[]{}:#").find(lines_[r][col]) != std::string_view::npos)
                return s;
            const std::size_t blanks = r - r_ - 1;
            s.text.append(blanks ? blanks : 1, blanks ? '\n' : ' ');
            r_ = r;
            p_ = col;
            s.pieces.push_back({s.text.size(), static_cast<int>(r_ + 1)});
        }
    }

    std::vector<std::string_view> lines_;
    std::vector<Scalar> values_;
    std::optional<std::size_t> pending_;  // the column of a key or dash awaiting its value
    std::size_t r_ = 0;                   // the cursor of quoted and flow values
    std::size_t p_ = 0;
};

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
        return Scanner(text).run();
    } catch (const Decline&) {
        return std::nullopt;
    }
}

std::vector<Scalar> scalars_of(const Node& root) {
    std::vector<Scalar> out;
    walk(root, out);
    return out;
}

}  // namespace crm::yaml
