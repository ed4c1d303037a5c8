#include "entry_value.hpp"

#include "crm/util/format.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/write.hpp"

namespace crm::yaml {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool flow_indicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Deletes the lines below the key's line, before `stop`, that its value continues on:
// those indented deeper than the key, up to the last that is not a comment (of a block
// scalar, every such line: there a '#' is text).
void delete_continuation(Lines& lines, const ValueSpan& s, std::size_t key_column,
                         std::size_t stop) {
    std::size_t last = s.line;
    for (std::size_t j = s.line + 1; j < stop && j < lines.size(); ++j) {
        std::optional<std::size_t> in = lines.indent(j);
        if (!in || *in <= key_column)
            continue;
        if (s.token.block || !lines.is_comment(j))
            last = j;
    }
    if (last > s.line)
        lines.erase(s.line + 1, last);
}

}  // namespace

Token token_at(std::string_view line, std::size_t start, bool flow) {
    Token t;
    if (start >= line.size()) {
        t.end = start;
        return t;
    }
    char c = line[start];
    if (c == '"' || c == '\'') {
        for (std::size_t i = start + 1; i < line.size(); ++i) {
            if (c == '"' && line[i] == '\\') {
                ++i;
            } else if (line[i] == c) {
                if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                t.end = i + 1;
                return t;
            }
        }
        t.closed = false;
        t.end = line.size();
        return t;
    }
    if (c == '[' || c == '{') {
        int depth = 0;
        char quote = 0;
        for (std::size_t i = start; i < line.size(); ++i) {
            char d = line[i];
            if (quote) {
                if (quote == '"' && d == '\\')
                    ++i;
                else if (d == quote)
                    quote = 0;
            } else if (d == '"' || d == '\'') {
                quote = d;
            } else if (d == '[' || d == '{') {
                ++depth;
            } else if (d == ']' || d == '}') {
                if (--depth == 0) {
                    t.end = i + 1;
                    return t;
                }
            } else if (d == '#' && i > start && is_space(line[i - 1])) {
                break;
            }
        }
        t.closed = false;
        t.end = line.size();
        return t;
    }
    if ((c == '|' || c == '>') && !flow) {
        t.block = true;
    }
    std::size_t i = start;
    for (; i < line.size(); ++i) {
        char d = line[i];
        if (d == '#' && i > start && is_space(line[i - 1]))
            break;
        if (d == ':' && (i + 1 == line.size() || is_space(line[i + 1]) ||
                         (flow && flow_indicator(line[i + 1]))))
            break;
        if (flow && flow_indicator(d))
            break;
    }
    while (i > start && is_space(line[i - 1]))
        --i;
    t.end = i;
    return t;
}

ValueSpan value_span(const Lines& lines, const Node& key, bool flow) {
    ValueSpan s;
    s.line = lines.line_of(key.mark);
    const std::string& line = lines.text(s.line);
    std::size_t i = token_at(line, lines.column_of(key.mark), flow).end;
    while (i < line.size() && is_space(line[i]))
        ++i;
    if (i >= line.size() || line[i] != ':')
        refuse(fmt::format("the key '{}' is not followed by ':' on its line", key.value), key.mark);
    s.colon = i++;
    while (i < line.size() && is_space(line[i]))
        ++i;
    s.start = i;
    s.empty = i >= line.size() || line[i] == '#' || (flow && (line[i] == ',' || line[i] == '}'));
    if (!s.empty)
        s.token = token_at(line, i, flow);
    return s;
}

void replace_value(Lines& lines, const ValueSpan& s, const std::string& form) {
    std::string& line = lines.text(s.line);
    if (s.empty) {
        std::string rest = line.substr(s.colon + 1);
        bool only_space = rest.find_first_not_of(" \t\r") == std::string::npos;
        line = fmt::format("{} {}{}", line.substr(0, s.colon + 1), form, only_space ? "" : rest);
        return;
    }
    line = line.substr(0, s.start) + form + line.substr(s.token.end);
}

void clear_value(Lines& lines, const ValueSpan& s) {
    if (s.empty)
        return;
    std::string& line = lines.text(s.line);
    line = line.substr(0, s.colon + 1) + line.substr(s.token.end);
}

void replace_scalar(Lines& lines, const Node& key, const Node& value, std::size_t stop,
                    const std::string& form, const std::string& what) {
    if (value.is_map() || value.is_sequence())
        refuse(fmt::format("{} holds a {}, not one value", what, value.is_map() ? "map" : "list"),
               key.mark);
    ValueSpan s = value_span(lines, key, false);
    if (!s.empty && !s.token.closed)
        refuse(fmt::format("the value of {} is a quoted text over several lines", what), key.mark);
    // A value on the lines below its key (`name:` then an indented line) goes with it.
    if (!s.empty || value.is_scalar())
        delete_continuation(lines, s, lines.column_of(key.mark), stop);
    replace_value(lines, s, form);
}

bool is_flow(const Lines& lines, const Node& collection) {
    const char c = lines.char_at(collection.mark);
    return c == '{' || c == '[';
}

std::string flow_form(std::string_view s) {
    return plain_safe(s, true) ? std::string(s) : double_quoted(s);
}

}  // namespace crm::yaml
