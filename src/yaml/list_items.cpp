#include "list_items.hpp"

#include "crm/yaml/edit_check.hpp"

namespace crm::yaml {

std::size_t item_position(const Node& list, std::size_t index) {
    std::size_t counted = 0;
    for (std::size_t pos = 0; pos < list.items.size(); ++pos) {
        const Node& n = list.items[pos];
        if (!n.is_scalar() && !n.is_map())
            continue;
        if (counted++ == index)
            return pos;
    }
    return list.items.size();
}

void insert_entry(Lines& lines, const Node& item, std::size_t after, const std::string& line) {
    const Node& key = item.entries.at(after).first;
    const std::size_t indent = lines.column_of(item.entries.front().first.mark);
    if (lines.column_of(key.mark) != indent)
        refuse("the item's keys are not aligned; crm does not edit it", key.mark);
    lines.insert(lines.entry_span(key).last + 1, std::string(indent, ' ') + line);
}

}  // namespace crm::yaml
