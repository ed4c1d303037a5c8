#pragma once
// The one edit `crm done` makes to a visit file: a `done: YYYY-MM-DD` line added to one
// promise or action, every other byte left as the user wrote it (comments, blank lines,
// quoting, key order, line endings, a missing final newline).
//
// It is an item edit like those of item_edit.hpp, on the same line model and check, but
// its refusals are DataErrors at the place in the visit file, each with a hint to make
// the change by hand: `crm done` shows them as problems of that file.
#include <cstddef>
#include <string>
#include <string_view>

#include "crm/model/date.hpp"

namespace crm::yaml {

// Returns `text` with `done: DATE` inserted into item `item_index` of the top-level list
// `list_key` ("promises" or "actions"), on a line of its own at the item's indentation,
// right after the item's `due:` entry (or `what:` when it has no due date).
//
// `item_index` counts the items the way records are read (text or key/value items; empty
// entries do not count), and the item's text must equal `expected_what`, so a file that
// changed since it was read is never edited in the wrong place.
//
// Throws DataError (nothing is changed) when the item is a plain line of text
// (`- Send report`), in flow style (`{what: ..., due: ...}`), already has a `done:` key,
// is not there, or when the edited text would not read back as exactly the original plus
// that one entry.
std::string insert_done_line(std::string_view text, const std::string& file,
                             std::string_view list_key, std::size_t item_index,
                             const std::string& expected_what, Date date);

}  // namespace crm::yaml
