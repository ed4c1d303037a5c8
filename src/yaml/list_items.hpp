#pragma once
// Finding an item of a top-level list the way records count them, and placing a new key
// in a block map item: what item_edit and mark_done share (inside the yaml layer only).
#include <cstddef>
#include <string>

#include "crm/yaml/lines.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::yaml {

// The position in `list.items` of item `index`, counting items the way records are read:
// text or key/value items. Empty `-` entries (and nested lists) do not count, so the
// index crm showed for a record's item finds that item. list.items.size() when absent.
std::size_t item_position(const Node& list, std::size_t index);

// Inserts `line` (a `key: value` without indentation) into the block map `item`, on a
// line of its own right after the lines of its entry `after` (that value's further lines
// and the comments indented under it), at the indentation of the item's keys. Refuses,
// at that entry's key, when it is not aligned with the item's first key.
void insert_entry(Lines& lines, const Node& item, std::size_t after, const std::string& line);

}  // namespace crm::yaml
