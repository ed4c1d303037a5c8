#pragma once
// Changing one value of a hand-edited YAML file without touching anything else.
//
// People edit these files: comments, blank lines, key order and quoting are theirs. Each
// edit finds its place through the parser's positions, changes only the lines it must,
// then parses the result and compares it with the tree the change should give. When the
// file's layout is one it cannot edit safely, or the result is not exactly what was
// meant, it throws RuntimeError (pointing to `crm edit`) and the caller writes nothing.
#include <string>
#include <string_view>

#include "crm/yaml/tree.hpp"

namespace crm::yaml {

// A value to write: its YAML form and the text the parser must read back from it.
struct EditValue {
    std::string yaml;
    std::string value;
    bool verbatim = false;                      // written as given, in block and flow context alike
    static EditValue text(std::string_view s);  // any text, quoted when needed
    static EditValue raw(std::string_view s);   // dates, numbers, durations crm made
};

// `key: value` at the top level: replaces the value in place (keeping a trailing comment)
// or appends the key at the end of the file when absent.
std::string set_key(std::string_view text, const std::string& file, const std::string& key,
                    const EditValue& value);

// `key` inside the top-level map `map_key` (ratings), in flow `{a: 1}` or block style;
// creates `map_key: {key: value}` when absent or empty.
std::string set_nested_key(std::string_view text, const std::string& file,
                           const std::string& map_key, const std::string& key,
                           const EditValue& value);

// Adds `item` to the end of the top-level list `key` (flow `[a, b]` or block `- a`);
// creates `key: [item]` when absent or empty.
std::string add_list_item(std::string_view text, const std::string& file, const std::string& key,
                          const std::string& item);

// Removes every item equal to `item` from the top-level list `key`.
std::string remove_list_item(std::string_view text, const std::string& file, const std::string& key,
                             const std::string& item);

// True when two trees hold the same data (positions and quoting ignored).
bool same_tree(const yaml::Node& a, const yaml::Node& b);

}  // namespace crm::yaml
