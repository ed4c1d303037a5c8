#include "crm/yaml/key_edit.hpp"

#include <optional>
#include <vector>

#include "crm/util/format.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/write.hpp"

#include "edit_session.hpp"
#include "entry_value.hpp"

namespace crm::yaml {

namespace {

std::string set_key_impl(std::string_view text, const std::string& file, const std::string& key,
                         const EditValue& value) {
    Edit e(text, file);
    const Node want = written_scalar(value.yaml, value.value);
    int i = e.index_of(key);
    if (i < 0) {
        e.append_key(key, value.yaml, want);
        return e.finish();
    }
    const auto idx = static_cast<std::size_t>(i);
    const auto& [k, v] = e.original.entries[idx];
    // A top-level value ends where the next key starts, or the document does.
    std::size_t stop = e.end_line();
    if (idx + 1 < e.original.entries.size())
        stop = e.lines.line_of(e.original.entries[idx + 1].first.mark);
    replace_scalar(e.lines, k, v, stop, value.yaml, fmt::format("'{}'", key));
    e.expected.entries[idx].second = want;
    return e.finish();
}

// The block's header (`|` or `|-`) and its lines as Writer::text writes them under a
// top-level key, or nullopt when the value is not one for a block.
struct Block {
    std::string header;
    std::vector<std::string> lines;
};

std::optional<Block> literal_block(const std::string& key, const std::string& value) {
    Writer w;
    w.text(key, value);
    const std::string& out = w.str();
    const std::string lead = fmt::format("{}: |", scalar(key));
    if (!out.starts_with(lead))
        return std::nullopt;
    Block b;
    const auto first_end = out.find('\n');
    b.header = out.substr(lead.size() - 1, first_end - (lead.size() - 1));
    for (std::size_t pos = first_end + 1; pos < out.size();) {
        const auto end = out.find('\n', pos);
        b.lines.push_back(out.substr(pos, end - pos));
        pos = end + 1;
    }
    return b;
}

std::string set_text_key_impl(std::string_view text, const std::string& file,
                              const std::string& key, const std::string& value) {
    const std::optional<Block> block = literal_block(key, value);
    if (!block)
        return set_key_impl(text, file, key, EditValue::text(value));
    Edit e(text, file);
    const Node want = written_scalar(block->header, value);
    int i = e.index_of(key);
    std::size_t below = 0;  // the line the block's lines go before
    if (i < 0) {
        below = e.append_key(key, block->header, want);
    } else {
        const auto idx = static_cast<std::size_t>(i);
        const auto& [k, v] = e.original.entries[idx];
        std::size_t stop = e.end_line();
        if (idx + 1 < e.original.entries.size())
            stop = e.lines.line_of(e.original.entries[idx + 1].first.mark);
        replace_scalar(e.lines, k, v, stop, block->header, fmt::format("'{}'", key));
        e.expected.entries[idx].second = want;
        below = e.lines.line_of(k.mark) + 1;
    }
    for (std::size_t j = 0; j < block->lines.size(); ++j)
        e.lines.insert(below + j, block->lines[j]);
    return e.finish();
}

std::string set_nested_key_impl(std::string_view text, const std::string& file,
                                const std::string& map_key, const std::string& key,
                                const EditValue& value) {
    Edit e(text, file);
    const std::string flow_value = value.verbatim ? value.yaml : flow_form(value.value);
    const std::string flow_key = flow_form(key);
    const std::string entry = fmt::format("{}: {}", flow_key, flow_value);
    Node one;
    one.kind = Node::Kind::map;
    one.entries.emplace_back(written_scalar(flow_key, key),
                             written_scalar(flow_value, value.value));

    int i = e.index_of(map_key);
    if (i < 0) {
        e.append_key(map_key, fmt::format("{{{}}}", entry), one);
        return e.finish();
    }
    const auto idx = static_cast<std::size_t>(i);
    const auto& [mk, map] = e.original.entries[idx];
    Node& want = e.expected.entries[idx].second;
    if (map.is_null()) {
        ValueSpan s = value_span(e.lines, mk, false);
        replace_value(e.lines, s, fmt::format("{{{}}}", entry));
        want = one;
        return e.finish();
    }
    if (!map.is_map())
        refuse(fmt::format("'{}' is not a map of keys", map_key));
    const bool flow = is_flow(e.lines, map);
    const std::string form = flow ? flow_value : value.yaml;
    for (std::size_t j = 0; j < map.entries.size(); ++j) {
        const auto& [k, v] = map.entries[j];
        if (k.value != key)
            continue;
        if (v.is_map() || v.is_sequence())
            refuse(fmt::format("'{}.{}' is not a single value", map_key, key));
        ValueSpan s = value_span(e.lines, k, flow);
        if (!s.empty && (!s.token.closed || s.token.block))
            refuse(fmt::format("'{}.{}' spans several lines", map_key, key));
        replace_value(e.lines, s, form);
        want.entries[j].second = written_scalar(form, value.value);
        return e.finish();
    }
    if (flow) {
        want.entries.push_back(one.entries.front());
        if (map.entries.empty()) {
            std::string& line = e.lines.at(map.mark);
            line.insert(e.lines.column_of(map.mark) + 1, entry);
        } else {
            const Node& last_key = map.entries.back().first;
            ValueSpan s = value_span(e.lines, last_key, true);
            std::size_t at = s.empty ? s.colon + 1 : s.token.end;
            e.lines.text(s.line).insert(at, fmt::format(", {}", entry));
        }
        return e.finish();
    }
    const Node& last_key = map.entries.back().first;
    const Node& last_value = map.entries.back().second;
    ValueSpan s = value_span(e.lines, last_key, false);
    if (last_value.is_map() || last_value.is_sequence() ||
        (!s.empty && (!s.token.closed || s.token.block)))
        refuse(fmt::format("the last entry of '{}' spans several lines", map_key));
    const std::string key_form = scalar(key);
    std::string indent(e.lines.column_of(last_key.mark), ' ');
    e.lines.insert(s.line + 1, fmt::format("{}{}: {}", indent, key_form, value.yaml));
    want.entries.emplace_back(written_scalar(key_form, key),
                              written_scalar(value.yaml, value.value));
    return e.finish();
}

}  // namespace

std::string set_key(std::string_view text, const std::string& file, const std::string& key,
                    const EditValue& value) {
    return run_edit(file, [&] { return set_key_impl(text, file, key, value); });
}

std::string set_text_key(std::string_view text, const std::string& file, const std::string& key,
                         const std::string& value) {
    return run_edit(file, [&] { return set_text_key_impl(text, file, key, value); });
}

std::string set_nested_key(std::string_view text, const std::string& file,
                           const std::string& map_key, const std::string& key,
                           const EditValue& value) {
    return run_edit(file, [&] { return set_nested_key_impl(text, file, map_key, key, value); });
}

}  // namespace crm::yaml
