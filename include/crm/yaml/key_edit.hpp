#pragma once
// Changing one value of a hand-edited record file's top-level keys (`crm set`).
//
// People edit these files: comments, blank lines, key order, quoting and line endings are
// theirs. Each edit finds its place through the parser's positions, changes only the
// lines it must, ends the file with a newline, then parses the result and compares it
// with the tree the change should give. When the file's layout is one it cannot edit
// safely, or the result is not exactly what was meant, it throws RuntimeError ("cannot
// change FILE safely: ...", pointing to `crm edit`) and the caller writes nothing. A text
// that does not parse throws the parser's DataError. The top level must be a block map
// (an empty file is one).
#include <string>
#include <string_view>

#include "crm/yaml/edit_value.hpp"

namespace crm::yaml {

// `key: value` at the top level: replaces the value in place (keeping a trailing comment,
// deleting the lines a multi-line value continued on) or appends the key at the end of
// the file when absent. Refuses a key holding a map or list, or a quoted value over
// several lines.
std::string set_key(std::string_view text, const std::string& file, const std::string& key,
                    const EditValue& value);

// As set_key for prose (notes): a text over several lines is written as a literal block,
// `key: |` and its lines indented under the key, as crm writes notes in new files; a
// text a block cannot hold (tabs, leading spaces, control characters) goes inline, quoted.
std::string set_text_key(std::string_view text, const std::string& file, const std::string& key,
                         const std::string& value);

// `key` inside the top-level map `map_key` (ratings), in flow `{a: 1}` or block style;
// creates `map_key: {key: value}` when absent or empty. Refuses when `map_key` is not a
// map, or the value to replace (or, in block style, the entry to add after) spans lines.
std::string set_nested_key(std::string_view text, const std::string& file,
                           const std::string& map_key, const std::string& key,
                           const EditValue& value);

}  // namespace crm::yaml
