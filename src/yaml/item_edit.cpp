#include "crm/yaml/item_edit.hpp"

#include "crm/util/format.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/write.hpp"

#include "edit_session.hpp"
#include "entry_value.hpp"
#include "list_items.hpp"

namespace crm::yaml {

namespace {

std::string item_name(const std::string& list_key, std::size_t item_index) {
    return fmt::format("item {} of '{}'", item_index + 1, list_key);
}

// The top-level block list `list_key` and the position of item `item_index` in it.
struct Place {
    std::size_t entry = 0;  // of the list in the top-level map
    std::size_t pos = 0;    // of the item in the list's items
};

Place find_item(const Edit& e, const std::string& list_key, std::size_t item_index) {
    int i = e.index_of(list_key);
    if (i < 0)
        refuse(fmt::format("there is no list '{}'", list_key));
    const auto entry = static_cast<std::size_t>(i);
    const Node& list = e.original.entries[entry].second;
    if (!list.is_sequence())
        refuse(fmt::format("'{}' is not a list", list_key), list.mark);
    if (is_flow(e.lines, list))
        refuse(fmt::format("'{}' is written in flow style ([...]); crm only edits lists written "
                           "one item per line",
                           list_key),
               list.mark);
    const std::size_t pos = item_position(list, item_index);
    if (pos == list.items.size())
        refuse(fmt::format("{} is not there", item_name(list_key, item_index)), list.mark);
    return {entry, pos};
}

Node map_of(const std::vector<std::pair<std::string, EditValue>>& pairs) {
    Node n;
    n.kind = Node::Kind::map;
    for (const auto& [k, v] : pairs)
        n.entries.emplace_back(written_scalar(scalar(k), k), written_scalar(v.yaml, v.value));
    return n;
}

// The lines of a new map item: `- ` at `dash`, its keys at `keys`.
std::vector<std::string> item_lines(const std::vector<std::pair<std::string, EditValue>>& pairs,
                                    std::size_t dash, std::size_t keys) {
    std::vector<std::string> out;
    for (const auto& [k, v] : pairs) {
        std::string lead = out.empty() ? fmt::format("{}-{}", std::string(dash, ' '),
                                                     std::string(keys - dash - 1, ' '))
                                       : std::string(keys, ' ');
        out.push_back(fmt::format("{}{}: {}", lead, scalar(k), v.yaml));
    }
    return out;
}

void insert_lines(Lines& lines, std::size_t at, const std::vector<std::string>& add) {
    for (std::size_t i = 0; i < add.size(); ++i)
        lines.insert(at + i, add[i]);
}

std::string set_item_key_impl(std::string_view text, const std::string& file,
                              const std::string& list_key, std::size_t item_index,
                              const std::string& key, const EditValue& value) {
    Edit e(text, file);
    const Place p = find_item(e, list_key, item_index);
    const Node& item = e.original.entries[p.entry].second.items[p.pos];
    Node& want = e.expected.entries[p.entry].second.items[p.pos];
    if (item.is_scalar())
        refuse(fmt::format("{} is a plain line of text, not a map of keys",
                           item_name(list_key, item_index)),
               item.mark);
    if (is_flow(e.lines, item))
        refuse(fmt::format("{} is written in flow style ({{...}}); crm only edits items written "
                           "one key per line",
                           item_name(list_key, item_index)),
               item.mark);
    const Node written = written_scalar(value.yaml, value.value);
    for (std::size_t j = 0; j < item.entries.size(); ++j) {
        const auto& [k, v] = item.entries[j];
        if (k.value != key)
            continue;
        // An entry's value ends with the block its key starts.
        const std::size_t stop = e.lines.entry_span(k).last + 1;
        replace_scalar(e.lines, k, v, stop, value.yaml,
                       fmt::format("'{}' of {}", key, item_name(list_key, item_index)));
        want.entries[j].second = written;
        return e.finish();
    }
    const std::string key_form = scalar(key);
    insert_entry(e.lines, item, item.entries.size() - 1,
                 fmt::format("{}: {}", key_form, value.yaml));
    want.entries.emplace_back(written_scalar(key_form, key), written);
    return e.finish();
}

std::string append_map_item_impl(std::string_view text, const std::string& file,
                                 const std::string& list_key,
                                 const std::vector<std::pair<std::string, EditValue>>& pairs) {
    if (pairs.empty())
        refuse(fmt::format("a new item of '{}' needs at least one key", list_key));
    Edit e(text, file);
    int i = e.index_of(list_key);
    if (i < 0) {
        Node list;
        list.kind = Node::Kind::sequence;
        list.items.push_back(map_of(pairs));
        const std::size_t below = e.append_key(list_key, "", std::move(list));
        insert_lines(e.lines, below, item_lines(pairs, 2, 4));
        return e.finish();
    }
    const auto entry = static_cast<std::size_t>(i);
    const auto& [k, v] = e.original.entries[entry];
    Node& want = e.expected.entries[entry].second;
    if (v.is_null() || (v.is_sequence() && v.items.empty())) {
        // `list_key:`, `list_key: ~` or `list_key: []`: the items go under the key, after
        // the comments indented under it.
        ValueSpan s = value_span(e.lines, k, false);
        if (!s.empty && !s.token.closed)
            refuse(fmt::format("the value of '{}' spans several lines", list_key), k.mark);
        clear_value(e.lines, s);
        const std::size_t key_col = e.lines.column_of(k.mark);
        insert_lines(e.lines, e.lines.entry_span(k).last + 1,
                     item_lines(pairs, key_col + 2, key_col + 4));
        want = Node{};
        want.kind = Node::Kind::sequence;
        want.items.push_back(map_of(pairs));
        return e.finish();
    }
    if (!v.is_sequence())
        refuse(fmt::format("'{}' is not a list", list_key), v.mark);
    if (is_flow(e.lines, v))
        refuse(fmt::format("'{}' is written in flow style ([...]); crm only edits lists written "
                           "one item per line",
                           list_key),
               v.mark);
    const std::optional<Lines::Item> last = e.lines.item_of(v.items.back());
    if (!last)
        refuse(
            fmt::format("the last item of '{}' is not written '- value' on its own line", list_key),
            v.items.back().mark);
    insert_lines(e.lines, last->span.last + 1, item_lines(pairs, last->dash, last->value));
    want.items.push_back(map_of(pairs));
    return e.finish();
}

std::string remove_item_impl(std::string_view text, const std::string& file,
                             const std::string& list_key, std::size_t item_index) {
    Edit e(text, file);
    const Place p = find_item(e, list_key, item_index);
    const auto& [k, list] = e.original.entries[p.entry];
    const Node& item = list.items[p.pos];
    const std::optional<Lines::Item> lines = e.lines.item_of(item);
    if (!lines)
        refuse(fmt::format("{} is not written '- value' on its own line",
                           item_name(list_key, item_index)),
               item.mark);
    e.lines.erase(lines->span.first, lines->span.last);
    Node& want = e.expected.entries[p.entry].second;
    want.items.erase(want.items.begin() + static_cast<std::ptrdiff_t>(p.pos));
    // A block list cannot be empty: the key alone would read as nothing.
    if (want.items.empty())
        replace_value(e.lines, value_span(e.lines, k, false), "[]");
    return e.finish();
}

}  // namespace

std::string set_item_key(std::string_view text, const std::string& file,
                         const std::string& list_key, std::size_t item_index,
                         const std::string& key, const EditValue& value) {
    return run_edit(
        file, [&] { return set_item_key_impl(text, file, list_key, item_index, key, value); });
}

std::string append_map_item(std::string_view text, const std::string& file,
                            const std::string& list_key,
                            const std::vector<std::pair<std::string, EditValue>>& pairs) {
    return run_edit(file, [&] { return append_map_item_impl(text, file, list_key, pairs); });
}

std::string remove_item(std::string_view text, const std::string& file, const std::string& list_key,
                        std::size_t item_index) {
    return run_edit(file, [&] { return remove_item_impl(text, file, list_key, item_index); });
}

}  // namespace crm::yaml
