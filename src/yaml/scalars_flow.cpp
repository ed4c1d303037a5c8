// The quoted scalars and flow collections of the quick reader (scalar_scanner.hpp).
#include "crm/util/text.hpp"

#include "scalar_scanner.hpp"

namespace crm::yaml::quick {

namespace {

// Hex digits of a \x, \u or \U escape as a code point.
char32_t hex(std::string_view digits) {
    char32_t cp = 0;
    for (char c : digits) {
        const int d = hex_digit_value(c);
        if (d < 0)
            throw Decline{};
        cp = cp * 16 + static_cast<char32_t>(d);
    }
    return cp;
}

}  // namespace

// A quoted scalar at the cursor; leaves the cursor after its closing quote. Its
// further lines must be indented at least `min_indent`.
Scalar Scanner::quoted(std::size_t min_indent) {
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
void Scanner::escape(std::string_view line, std::string& out) {
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
void Scanner::flow_space() {
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

// `[...]` or `{...}` at the cursor; leaves the cursor after its closing bracket.
void Scanner::flow_collection(int depth) {
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
void Scanner::flow_node(int depth, bool in_map, bool may_be_key) {
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
Scalar Scanner::flow_plain() {
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

}  // namespace crm::yaml::quick
