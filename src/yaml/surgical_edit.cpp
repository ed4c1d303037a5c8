#include "crm/yaml/surgical_edit.hpp"

#include <optional>
#include <stdexcept>

#include "crm/util/error.hpp"
#include "crm/yaml/write.hpp"

namespace crm::yaml {

namespace {

using yaml::Node;

[[noreturn]] void refuse(const std::string& file, const std::string& why) {
    throw RuntimeError("cannot change " + file + " safely: " + why,
                       "the file is untouched; make the change by hand with 'crm edit'");
}

std::string flow_form(std::string_view s) {
    return yaml::plain_safe(s, true) ? std::string(s) : yaml::double_quoted(s);
}

Node scalar_node(const std::string& v) {
    Node n;
    n.kind = Node::Kind::scalar;
    n.value = v;
    return n;
}

// The file as lines, so that edits replace, insert or delete whole lines and every other
// byte stays as it was.
struct Lines {
    std::vector<std::string> lines;  // without '\n'; a CRLF file keeps its '\r'
    std::string cr;                  // "\r" when the file ends its lines with CRLF
    bool bom = false;

    explicit Lines(std::string_view text) {
        bom = text.starts_with("\xEF\xBB\xBF");
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string_view::npos)
                nl = text.size();
            lines.emplace_back(text.substr(pos, nl - pos));
            pos = nl + 1;
        }
        if (!lines.empty() && !lines.front().empty() && lines.front().back() == '\r')
            cr = "\r";
    }

    std::string join() const {
        std::string out;
        for (const auto& l : lines)
            out += l + "\n";
        return out;
    }

    std::string& at(const yaml::Mark& m) { return lines.at(static_cast<std::size_t>(m.line - 1)); }
    std::size_t column(const yaml::Mark& m) const {
        return static_cast<std::size_t>(m.column - 1) + (bom && m.line == 1 ? 3 : 0);
    }
    // Appends a line at the end, after any comments that close the file.
    void append(const std::string& line) { lines.push_back(line + cr); }
};

struct Token {
    std::size_t end = 0;  // one past the token on its line
    bool closed = true;   // false: a quote or bracket left open on this line
    bool block = false;   // a block scalar header (| or >)
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool flow_indicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Where the scalar, key or flow collection starting at `start` ends on this line.
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

// Where a map entry's value sits on the key's line.
struct ValueSpan {
    std::size_t line = 0;   // 0-based index into Lines
    std::size_t colon = 0;  // index of the ':' after the key
    std::size_t start = 0;  // where the value starts (== size or '#' when empty)
    bool empty = false;     // nothing but maybe a comment after the colon
    Token token;
};

ValueSpan value_span(Lines& lines, const Node& key, bool flow, const std::string& file) {
    ValueSpan s;
    s.line = static_cast<std::size_t>(key.mark.line - 1);
    const std::string& line = lines.at(key.mark);
    std::size_t i = token_at(line, lines.column(key.mark), flow).end;
    while (i < line.size() && is_space(line[i]))
        ++i;
    if (i >= line.size() || line[i] != ':')
        refuse(file, "the key '" + key.value + "' is not followed by ':' on its line");
    s.colon = i++;
    while (i < line.size() && is_space(line[i]))
        ++i;
    s.start = i;
    s.empty = i >= line.size() || line[i] == '#' || (flow && (line[i] == ',' || line[i] == '}'));
    if (!s.empty)
        s.token = token_at(line, i, flow);
    return s;
}

// Replaces what the span covers (or the empty place after the colon) with `yaml`.
void replace_value(Lines& lines, const ValueSpan& s, const std::string& yaml) {
    std::string& line = lines.lines.at(s.line);
    if (s.empty) {
        std::string rest = line.substr(s.colon + 1);
        bool only_space = rest.find_first_not_of(" \t\r") == std::string::npos;
        std::string tail = only_space ? (rest.ends_with('\r') ? "\r" : "") : rest;
        line = line.substr(0, s.colon + 1) + " " + yaml + tail;
        return;
    }
    line = line.substr(0, s.start) + yaml + line.substr(s.token.end);
}

bool is_flow(Lines& lines, const Node& collection) {
    const std::string& line = lines.at(collection.mark);
    std::size_t c = lines.column(collection.mark);
    return c < line.size() && (line[c] == '{' || line[c] == '[');
}

struct Edit {
    std::string file;
    Node original;
    Node expected;
    Lines lines;

    Edit(std::string_view text, const std::string& f) : file(f), lines(text) {
        original = yaml::parse(text, file);
        if (original.is_null()) {
            original.kind = Node::Kind::map;  // an empty file takes its first key
        } else if (!original.is_map()) {
            refuse(file, "its top level is not a map of keys");
        } else if (is_flow(lines, original)) {
            refuse(file, "its top level is written as one {...} map");
        }
        expected = original;
    }

    int index_of(const std::string& key) const {
        for (std::size_t i = 0; i < original.entries.size(); ++i)
            if (original.entries[i].first.value == key)
                return static_cast<int>(i);
        return -1;
    }

    void append_key(const std::string& key, const std::string& yaml, Node value) {
        lines.append(yaml::scalar(key) + ": " + yaml);
        expected.entries.emplace_back(scalar_node(key), std::move(value));
    }

    // The text of the result, once it parses to exactly the expected tree.
    std::string finish() {
        std::string out = lines.join();
        Node got;
        try {
            got = yaml::parse(out, file);
        } catch (const DataError& e) {
            refuse(file, "the change would break the file (" + e.problem() + ")");
        }
        if (!same_tree(got, expected))
            refuse(file, "its layout would make the change alter other values");
        return out;
    }
};

// Deletes the lines a multi-line top-level value continues on.
void delete_continuation(Edit& e, std::size_t entry, const ValueSpan& s) {
    std::size_t stop = e.lines.lines.size();
    if (entry + 1 < e.original.entries.size())
        stop = static_cast<std::size_t>(e.original.entries[entry + 1].first.mark.line - 1);
    std::size_t last = s.line;
    for (std::size_t j = s.line + 1; j < stop; ++j) {
        const std::string& l = e.lines.lines[j];
        std::size_t indent = l.find_first_not_of(' ');
        if (indent == std::string::npos || indent == 0 || l[indent] == '\r')
            continue;
        if (s.token.block || l[indent] != '#')
            last = j;
    }
    e.lines.lines.erase(e.lines.lines.begin() + static_cast<std::ptrdiff_t>(s.line + 1),
                        e.lines.lines.begin() + static_cast<std::ptrdiff_t>(last + 1));
}

}  // namespace

EditValue EditValue::text(std::string_view s) {
    return {yaml::scalar(s), std::string(s), false};
}

EditValue EditValue::raw(std::string_view s) {
    return {std::string(s), std::string(s), true};
}

bool same_tree(const yaml::Node& a, const yaml::Node& b) {
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
        case Node::Kind::null:
            return true;
        case Node::Kind::scalar:
            return a.value == b.value;
        case Node::Kind::sequence:
            if (a.items.size() != b.items.size())
                return false;
            for (std::size_t i = 0; i < a.items.size(); ++i)
                if (!same_tree(a.items[i], b.items[i]))
                    return false;
            return true;
        case Node::Kind::map:
            if (a.entries.size() != b.entries.size())
                return false;
            for (std::size_t i = 0; i < a.entries.size(); ++i)
                if (a.entries[i].first.value != b.entries[i].first.value ||
                    !same_tree(a.entries[i].second, b.entries[i].second))
                    return false;
            return true;
    }
    return false;
}

static std::string set_key_impl(std::string_view text, const std::string& file,
                                const std::string& key, const EditValue& value) {
    Edit e(text, file);
    int i = e.index_of(key);
    if (i < 0) {
        e.append_key(key, value.yaml, scalar_node(value.value));
        return e.finish();
    }
    const auto& [k, v] = e.original.entries[static_cast<std::size_t>(i)];
    if (v.is_map() || v.is_sequence())
        refuse(file, "'" + key + "' holds a " + (v.is_map() ? "map" : "list") + ", not one value");
    ValueSpan s = value_span(e.lines, k, false, file);
    if (!s.empty && !s.token.closed)
        refuse(file, "the value of '" + key + "' is a quoted text over several lines");
    // A value on the lines below its key (`name:` then an indented line) goes with it.
    if (!s.empty || v.is_scalar())
        delete_continuation(e, static_cast<std::size_t>(i), s);
    replace_value(e.lines, s, value.yaml);
    e.expected.entries[static_cast<std::size_t>(i)].second = scalar_node(value.value);
    return e.finish();
}

static std::string set_nested_key_impl(std::string_view text, const std::string& file,
                                       const std::string& map_key, const std::string& key,
                                       const EditValue& value) {
    Edit e(text, file);
    const std::string flow_value = value.verbatim ? value.yaml : flow_form(value.value);
    const std::string entry = flow_form(key) + ": " + flow_value;
    Node one;
    one.kind = Node::Kind::map;
    one.entries.emplace_back(scalar_node(key), scalar_node(value.value));

    int i = e.index_of(map_key);
    if (i < 0) {
        e.append_key(map_key, "{" + entry + "}", one);
        return e.finish();
    }
    const auto idx = static_cast<std::size_t>(i);
    const auto& [mk, map] = e.original.entries[idx];
    Node& want = e.expected.entries[idx].second;
    if (map.is_null()) {
        ValueSpan s = value_span(e.lines, mk, false, file);
        replace_value(e.lines, s, "{" + entry + "}");
        want = one;
        return e.finish();
    }
    if (!map.is_map())
        refuse(file, "'" + map_key + "' is not a map of keys");
    const bool flow = is_flow(e.lines, map);
    for (std::size_t j = 0; j < map.entries.size(); ++j) {
        const auto& [k, v] = map.entries[j];
        if (k.value != key)
            continue;
        if (v.is_map() || v.is_sequence())
            refuse(file, "'" + map_key + "." + key + "' is not a single value");
        ValueSpan s = value_span(e.lines, k, flow, file);
        if (!s.empty && (!s.token.closed || s.token.block))
            refuse(file, "'" + map_key + "." + key + "' spans several lines");
        replace_value(e.lines, s, flow ? flow_value : value.yaml);
        want.entries[j].second = scalar_node(value.value);
        return e.finish();
    }
    want.entries.emplace_back(scalar_node(key), scalar_node(value.value));
    if (flow) {
        if (map.entries.empty()) {
            std::string& line = e.lines.at(map.mark);
            line.insert(e.lines.column(map.mark) + 1, entry);
        } else {
            const Node& last_key = map.entries.back().first;
            ValueSpan s = value_span(e.lines, last_key, true, file);
            std::size_t at = s.empty ? s.colon + 1 : s.token.end;
            e.lines.lines.at(s.line).insert(at, ", " + entry);
        }
        return e.finish();
    }
    const Node& last_key = map.entries.back().first;
    const Node& last_value = map.entries.back().second;
    ValueSpan s = value_span(e.lines, last_key, false, file);
    if (last_value.is_map() || last_value.is_sequence() ||
        (!s.empty && (!s.token.closed || s.token.block)))
        refuse(file, "the last entry of '" + map_key + "' spans several lines");
    std::string indent(e.lines.column(last_key.mark), ' ');
    e.lines.lines.insert(e.lines.lines.begin() + static_cast<std::ptrdiff_t>(s.line + 1),
                         indent + yaml::scalar(key) + ": " + value.yaml + e.lines.cr);
    return e.finish();
}

namespace {

const Node& seq_of(Edit& e, std::size_t idx, const std::string& key) {
    const Node& seq = e.original.entries[idx].second;
    for (const auto& item : seq.items)
        if (!item.is_scalar() && !item.is_null())
            refuse(e.file, "'" + key + "' holds items that are not single values");
    return seq;
}

}  // namespace

static std::string add_list_item_impl(std::string_view text, const std::string& file,
                                      const std::string& key, const std::string& item) {
    Edit e(text, file);
    Node one;
    one.kind = Node::Kind::sequence;
    int i = e.index_of(key);
    if (i < 0) {
        one.items.push_back(scalar_node(item));
        e.append_key(key, "[" + flow_form(item) + "]", one);
        return e.finish();
    }
    const auto idx = static_cast<std::size_t>(i);
    const auto& [k, v] = e.original.entries[idx];
    Node& want = e.expected.entries[idx].second;
    if (v.is_null() || v.is_scalar()) {
        ValueSpan s = value_span(e.lines, k, false, file);
        if (!s.empty && (!s.token.closed || s.token.block))
            refuse(file, "'" + key + "' spans several lines");
        std::string list = flow_form(item);
        if (v.is_scalar()) {
            one.items.push_back(scalar_node(v.value));
            list = flow_form(v.value) + ", " + list;
        }
        one.items.push_back(scalar_node(item));
        replace_value(e.lines, s, "[" + list + "]");
        want = one;
        return e.finish();
    }
    if (!v.is_sequence())
        refuse(file, "'" + key + "' is not a list");
    const Node& seq = seq_of(e, idx, key);
    want.items.push_back(scalar_node(item));
    if (is_flow(e.lines, seq)) {
        if (seq.items.empty()) {
            e.lines.at(seq.mark).insert(e.lines.column(seq.mark) + 1, flow_form(item));
        } else {
            const Node& last = seq.items.back();
            std::string& line = e.lines.at(last.mark);
            Token t = token_at(line, e.lines.column(last.mark), true);
            if (!t.closed)
                refuse(file, "the last item of '" + key + "' spans several lines");
            line.insert(t.end, ", " + flow_form(item));
        }
        return e.finish();
    }
    const Node& last = seq.items.back();
    const std::string& line = e.lines.at(last.mark);
    std::size_t col = e.lines.column(last.mark);
    std::string prefix = line.substr(0, col);
    Token t = token_at(line, col, false);
    if (prefix.find_first_not_of(" -") != std::string::npos ||
        prefix.find('-') == std::string::npos || !t.closed || t.block)
        refuse(file, "the last item of '" + key + "' is not a simple '- item' line");
    e.lines.lines.insert(e.lines.lines.begin() + last.mark.line,
                         prefix + yaml::scalar(item) + e.lines.cr);
    return e.finish();
}

namespace {

// Removes the first item equal to `item`; false when there is none.
bool remove_one(Edit& e, std::size_t idx, const std::string& key, const std::string& item) {
    const auto& [k, v] = e.original.entries[idx];
    if (v.is_scalar() && v.value == item) {
        ValueSpan s = value_span(e.lines, k, false, e.file);
        if (!s.token.closed || s.token.block)
            refuse(e.file, "'" + key + "' spans several lines");
        replace_value(e.lines, s, "[]");
        return true;
    }
    if (!v.is_sequence())
        return false;
    const Node& seq = seq_of(e, idx, key);
    std::size_t n = 0;
    while (n < seq.items.size() && !(seq.items[n].is_scalar() && seq.items[n].value == item))
        ++n;
    if (n == seq.items.size())
        return false;
    const Node& it = seq.items[n];
    std::string& line = e.lines.at(it.mark);
    const std::size_t col = e.lines.column(it.mark);
    if (is_flow(e.lines, seq)) {
        if (seq.items.size() == 1) {
            std::string& open = e.lines.at(seq.mark);
            Token whole = token_at(open, e.lines.column(seq.mark), true);
            if (!whole.closed)
                refuse(e.file, "'" + key + "' spans several lines");
            open = open.substr(0, e.lines.column(seq.mark)) + "[]" + open.substr(whole.end);
            return true;
        }
        Token t = token_at(line, col, true);
        if (n == 0) {
            const Node& next = seq.items[1];
            if (next.mark.line != it.mark.line)
                refuse(e.file, "'" + key + "' spans several lines");
            line.erase(col, e.lines.column(next.mark) - col);
        } else {
            const Node& prev = seq.items[n - 1];
            if (prev.mark.line != it.mark.line)
                refuse(e.file, "'" + key + "' spans several lines");
            std::size_t from = token_at(line, e.lines.column(prev.mark), true).end;
            line.erase(from, t.end - from);
        }
        return true;
    }
    std::string prefix = line.substr(0, col);
    Token t = token_at(line, col, false);
    std::string rest = line.substr(t.end);
    if (prefix.find_first_not_of(" -") != std::string::npos || !t.closed || t.block ||
        !(rest.find_first_not_of(" \t\r") == std::string::npos ||
          rest[rest.find_first_not_of(" \t\r")] == '#'))
        refuse(e.file, "the item of '" + key + "' is not a simple '- item' line");
    e.lines.lines.erase(e.lines.lines.begin() + (it.mark.line - 1));
    if (seq.items.size() == 1) {
        ValueSpan s = value_span(e.lines, k, false, e.file);
        replace_value(e.lines, s, "[]");
    }
    return true;
}

}  // namespace

static std::string remove_list_item_impl(std::string_view text, const std::string& file,
                                         const std::string& key, const std::string& item) {
    std::string current(text);
    Node expected;
    bool first = true;
    for (;;) {
        Edit e(current, file);
        if (first) {
            expected = e.original;
            first = false;
        }
        int i = e.index_of(key);
        if (i < 0 || !remove_one(e, static_cast<std::size_t>(i), key, item))
            break;
        current = e.lines.join();
        try {
            (void)yaml::parse(current, file);
        } catch (const DataError& err) {
            refuse(file, "the change would break the file (" + err.problem() + ")");
        }
    }
    if (current == text)
        return current;
    // Whatever was removed, the result must be the original minus exactly those items.
    for (auto& [k, v] : expected.entries) {
        if (k.value != key)
            continue;
        if (v.is_scalar()) {
            v = Node{};
            v.kind = Node::Kind::sequence;
        }
        std::erase_if(v.items, [&](const Node& n) { return n.is_scalar() && n.value == item; });
    }
    if (!same_tree(yaml::parse(current, file), expected))
        refuse(file, "its layout would make the change alter other values");
    return current;
}

namespace {

// A position the parser gave that the text does not have is a layout crm cannot edit.
template <class F>
std::string guarded(const std::string& file, F&& edit) {
    try {
        return edit();
    } catch (const std::out_of_range&) {
        refuse(file, "crm could not find its way in the file's layout");
    } catch (const std::length_error&) {
        refuse(file, "crm could not find its way in the file's layout");
    }
}

}  // namespace

std::string set_key(std::string_view text, const std::string& file, const std::string& key,
                    const EditValue& value) {
    return guarded(file, [&] { return set_key_impl(text, file, key, value); });
}

std::string set_nested_key(std::string_view text, const std::string& file,
                           const std::string& map_key, const std::string& key,
                           const EditValue& value) {
    return guarded(file, [&] { return set_nested_key_impl(text, file, map_key, key, value); });
}

std::string add_list_item(std::string_view text, const std::string& file, const std::string& key,
                          const std::string& item) {
    return guarded(file, [&] { return add_list_item_impl(text, file, key, item); });
}

std::string remove_list_item(std::string_view text, const std::string& file, const std::string& key,
                             const std::string& item) {
    return guarded(file, [&] { return remove_list_item_impl(text, file, key, item); });
}

}  // namespace crm::yaml
