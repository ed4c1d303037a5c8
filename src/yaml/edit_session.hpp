#pragma once
// One edit of a record file whose top level is a block map of keys: what the edits of
// key_edit, list_edit and item_edit share (inside the yaml layer only).
#include <functional>
#include <string>
#include <string_view>

#include "crm/yaml/lines.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::yaml {

struct Edit {
    // Parses `text` (a DataError when it is broken) and refuses a top level that is not a
    // block map; an empty file is an empty map that takes its first key.
    Edit(std::string_view text, const std::string& file);

    std::string file;
    Node original;  // the text as parsed
    Node expected;  // what the edited text must parse to; starts as `original`
    Lines lines;    // the text being edited

    // The place of top-level `key` in original.entries, or -1 when absent.
    int index_of(const std::string& key) const;

    // Appends `key: form` (`key:` when `form` is empty, for a block value the caller puts
    // on the lines below) as the document's last line, after any comments that close it
    // and before a `...` that ends it, and `value` to the expected tree. Returns the line
    // after it, where such a block value goes.
    std::size_t append_key(const std::string& key, const std::string& form, Node value);

    // The line a `...` that ends the document is on, else lines.size(): where the last
    // top-level value stops.
    std::size_t end_line() const;

    // The edited text, ended with a newline, once it parses to exactly `expected`;
    // refuses otherwise.
    std::string finish();
};

// Runs one public edit of `file`: a Refusal, or a place the parser gave that the text does
// not have, becomes the RuntimeError "cannot change FILE safely: ..." that points to
// `crm edit`. A DataError (the text does not parse) passes as it is.
std::string run_edit(const std::string& file, const std::function<std::string()>& edit);

}  // namespace crm::yaml
