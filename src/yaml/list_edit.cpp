#include "crm/yaml/list_edit.hpp"

#include <algorithm>

#include "crm/util/format.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/write.hpp"

#include "edit_session.hpp"
#include "entry_value.hpp"

namespace crm::yaml {

namespace {

Node sequence_of(std::vector<Node> items) {
    Node n;
    n.kind = Node::Kind::sequence;
    n.items = std::move(items);
    return n;
}

const Node& values_of(const Edit& e, std::size_t idx, const std::string& key) {
    const Node& seq = e.original.entries[idx].second;
    for (const auto& item : seq.items)
        if (!item.is_scalar() && !item.is_null())
            refuse(fmt::format("'{}' holds items that are not single values", key));
    return seq;
}

// True when a block item's line is `- item` and maybe a comment: nothing else to keep.
bool simple_item_line(const std::string& line, std::size_t col, bool allow_trailing_text) {
    std::string prefix = line.substr(0, col);
    Token t = token_at(line, col, false);
    if (prefix.find_first_not_of(" -") != std::string::npos ||
        prefix.find('-') == std::string::npos || !t.closed || t.block)
        return false;
    if (allow_trailing_text)
        return true;
    std::size_t rest = line.find_first_not_of(" \t\r", t.end);
    return rest == std::string::npos || line[rest] == '#';
}

std::string add_list_item_impl(std::string_view text, const std::string& file,
                               const std::string& key, const std::string& item) {
    Edit e(text, file);
    const std::string in_flow = flow_form(item);
    int i = e.index_of(key);
    if (i < 0) {
        e.append_key(key, fmt::format("[{}]", in_flow),
                     sequence_of({written_scalar(in_flow, item)}));
        return e.finish();
    }
    const auto idx = static_cast<std::size_t>(i);
    const auto& [k, v] = e.original.entries[idx];
    Node& want = e.expected.entries[idx].second;
    if (v.is_null() || v.is_scalar()) {
        ValueSpan s = value_span(e.lines, k, false);
        if (!s.empty && (!s.token.closed || s.token.block))
            refuse(fmt::format("'{}' spans several lines", key));
        std::vector<Node> items;
        std::string list;
        if (v.is_scalar()) {
            const std::string old = flow_form(v.value);
            items.push_back(written_scalar(old, v.value));
            list = fmt::format("{}, ", old);
        }
        items.push_back(written_scalar(in_flow, item));
        replace_value(e.lines, s, fmt::format("[{}{}]", list, in_flow));
        want = sequence_of(std::move(items));
        return e.finish();
    }
    if (!v.is_sequence())
        refuse(fmt::format("'{}' is not a list", key));
    const Node& seq = values_of(e, idx, key);
    if (is_flow(e.lines, seq)) {
        want.items.push_back(written_scalar(in_flow, item));
        if (seq.items.empty()) {
            e.lines.at(seq.mark).insert(e.lines.column_of(seq.mark) + 1, in_flow);
        } else {
            const Node& last = seq.items.back();
            std::string& line = e.lines.at(last.mark);
            Token t = token_at(line, e.lines.column_of(last.mark), true);
            if (!t.closed)
                refuse(fmt::format("the last item of '{}' spans several lines", key));
            line.insert(t.end, fmt::format(", {}", in_flow));
        }
        return e.finish();
    }
    const Node& last = seq.items.back();
    const std::string& line = e.lines.at(last.mark);
    const std::size_t col = e.lines.column_of(last.mark);
    if (!simple_item_line(line, col, true))
        refuse(fmt::format("the last item of '{}' is not a simple '- item' line", key));
    const std::string in_block = scalar(item);
    e.lines.insert(e.lines.line_of(last.mark) + 1, line.substr(0, col) + in_block);
    want.items.push_back(written_scalar(in_block, item));
    return e.finish();
}

// Removes the first item equal to `item`; false when there is none.
bool remove_one(Edit& e, std::size_t idx, const std::string& key, const std::string& item) {
    const auto& [k, v] = e.original.entries[idx];
    if (v.is_scalar() && v.value == item) {
        ValueSpan s = value_span(e.lines, k, false);
        if (!s.token.closed || s.token.block)
            refuse(fmt::format("'{}' spans several lines", key));
        replace_value(e.lines, s, "[]");
        return true;
    }
    if (!v.is_sequence())
        return false;
    const Node& seq = values_of(e, idx, key);
    std::size_t n = 0;
    while (n < seq.items.size() && !(seq.items[n].is_scalar() && seq.items[n].value == item))
        ++n;
    if (n == seq.items.size())
        return false;
    const Node& it = seq.items[n];
    std::string& line = e.lines.at(it.mark);
    const std::size_t col = e.lines.column_of(it.mark);
    if (is_flow(e.lines, seq)) {
        if (seq.items.size() == 1) {
            std::string& open = e.lines.at(seq.mark);
            Token whole = token_at(open, e.lines.column_of(seq.mark), true);
            if (!whole.closed)
                refuse(fmt::format("'{}' spans several lines", key));
            open = fmt::format("{}[]{}", open.substr(0, e.lines.column_of(seq.mark)),
                               open.substr(whole.end));
            return true;
        }
        Token t = token_at(line, col, true);
        if (n == 0) {
            const Node& next = seq.items[1];
            if (next.mark.line != it.mark.line)
                refuse(fmt::format("'{}' spans several lines", key));
            line.erase(col, e.lines.column_of(next.mark) - col);
        } else {
            const Node& prev = seq.items[n - 1];
            if (prev.mark.line != it.mark.line)
                refuse(fmt::format("'{}' spans several lines", key));
            std::size_t from = token_at(line, e.lines.column_of(prev.mark), true).end;
            line.erase(from, t.end - from);
        }
        return true;
    }
    if (!simple_item_line(line, col, false))
        refuse(fmt::format("the item of '{}' is not a simple '- item' line", key));
    const std::size_t at = e.lines.line_of(it.mark);
    e.lines.erase(at, at);
    if (seq.items.size() == 1) {
        ValueSpan s = value_span(e.lines, k, false);
        replace_value(e.lines, s, "[]");
    }
    return true;
}

std::string remove_list_item_impl(std::string_view text, const std::string& file,
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
        e.lines.end_with_newline();
        current = e.lines.join();
        // Each round re-parses what the last one wrote, so it must parse.
        try {
            (void)parse(current, file);
        } catch (const DataError& err) {
            refuse(fmt::format("the change would break the file ({})", err.problem()));
        }
    }
    if (current == text)
        return current;
    // Whatever was removed, the result must be the original minus exactly those items.
    for (auto& [k, v] : expected.entries) {
        if (k.value != key)
            continue;
        if (v.is_scalar())
            v = sequence_of({});
        std::erase_if(v.items, [&](const Node& n) { return n.is_scalar() && n.value == item; });
    }
    check_edit(current, file, expected);
    return current;
}

}  // namespace

std::string add_list_item(std::string_view text, const std::string& file, const std::string& key,
                          const std::string& item) {
    return run_edit(file, [&] { return add_list_item_impl(text, file, key, item); });
}

std::string remove_list_item(std::string_view text, const std::string& file, const std::string& key,
                             const std::string& item) {
    return run_edit(file, [&] { return remove_list_item_impl(text, file, key, item); });
}

}  // namespace crm::yaml
