#pragma once
// Adding and removing one value of a top-level list of values in a hand-edited record
// file (`crm watch`, `crm unwatch`: `watchers:`), flow `[a, b]` or block `- a` style.
//
// Same discipline and errors as key_edit.hpp: only the lines the change needs are
// touched, a changed file ends with a newline, the result must parse to exactly the
// intended tree; otherwise RuntimeError pointing to `crm edit` (DataError when the text
// does not parse) and the caller writes nothing. Refuses a list holding maps or lists.
#include <string>
#include <string_view>

namespace crm::yaml {

// Adds `item` to the end of the top-level list `key`; creates `key: [item]` when absent or
// empty, and makes a single value `key: a` the list `[a, item]`.
std::string add_list_item(std::string_view text, const std::string& file, const std::string& key,
                          const std::string& item);

// Removes every item equal to `item` from the top-level list `key` (a single value equal
// to it leaves `key: []`). Returns `text` unchanged, byte for byte, when there is none.
std::string remove_list_item(std::string_view text, const std::string& file, const std::string& key,
                             const std::string& item);

}  // namespace crm::yaml
