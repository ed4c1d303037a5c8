#pragma once
// Changing the items of a top-level list of maps in a hand-edited record file: the
// `contacts:` of a client, the opportunities, the promises of a visit.
//
//   contacts:
//     - name: Jane Doe     # item 0
//       email: jane@example.com
//     - Bob                # item 1: a plain line of text
//
// Each edit finds its place through the
// parser's positions, changes only the lines it must (comments, blank lines, key order,
// quoting and line endings elsewhere stay byte for byte), ends the file with a newline,
// then parses the result and compares it with the tree the change should give. When the
// layout is one it cannot edit safely, or the result is not exactly what was meant, it
// throws RuntimeError ("cannot change FILE safely: ...", pointing to `crm edit`) and the
// caller writes nothing. A text that does not parse throws the parser's DataError.
//
// Lists written in flow style (`contacts: [Jane]`) are refused, never rewritten; so are
// items in flow style (`- {name: Jane}`) where a key would go inside them.
//
// `item_index` counts items the way records are read: text or key/value items; empty `-`
// entries do not count. Values go through EditValue::text (any text, quoted when needed)
// or EditValue::raw (dates, numbers crm made).
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/yaml/edit_value.hpp"

namespace crm::yaml {

// `key: value` in the map that is item `item_index` of the top-level list `list_key`:
// replaces the value in place (keeping a trailing comment, deleting the lines a
// multi-line value continued on), or adds the key on a line of its own after the item's
// last entry (past that entry's further lines and the comments indented under it).
// Refuses when the list or item is absent, the item is a plain line of text, or `key`
// holds a map or list.
std::string set_item_key(std::string_view text, const std::string& file,
                         const std::string& list_key, std::size_t item_index,
                         const std::string& key, const EditValue& value);

// Appends a block map item, `pairs` in order, to the end of the top-level list `list_key`:
//
//     - name: Jane Doe
//       email: jane@example.com
//
// at the indentation of the list's last item, after that item's lines. When `list_key`
// is absent it is added at the end of the file; when it is empty (`contacts:`,
// `contacts: []`) the item goes under it (a trailing comment on its line stays). Refuses
// an empty `pairs`, a list written in flow style with items in it (`contacts: [Jane]`),
// a value that is not a list, and a last item not written `- value` on its own line.
std::string append_map_item(std::string_view text, const std::string& file,
                            const std::string& list_key,
                            const std::vector<std::pair<std::string, EditValue>>& pairs);

// Removes item `item_index` of the top-level list `list_key`, all its lines: from its
// dash to the end of what is indented under it (its keys, its values' further lines, the
// comments inside and those indented under it that follow). Comments at the dash's
// indentation or left of it, and blank lines after it, stay. Removing the last item
// leaves `list_key: []`. Refuses a list in flow style and an item not written `- value`.
std::string remove_item(std::string_view text, const std::string& file, const std::string& list_key,
                        std::size_t item_index);

}  // namespace crm::yaml
