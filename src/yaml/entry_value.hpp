#pragma once
// Finding and replacing the value of one map entry on its lines, for the edits of this
// layer (inside the yaml layer only). The parser says where a key starts; this reads the
// line from there to find the ':' and where the value after it ends, so that replacing
// it keeps what follows (a trailing comment, the rest of a flow map) byte for byte.
#include <cstddef>
#include <string>
#include <string_view>

#include "crm/yaml/lines.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::yaml {

// A scalar, key or flow collection on one line.
struct Token {
    std::size_t end = 0;  // one past the token on its line
    bool closed = true;   // false: a quote or bracket left open on this line
    bool block = false;   // a block scalar header (| or >)
};

// The token starting at byte `start` of `line`; `flow` adds the flow indicators (, [ ] { })
// to what ends a plain scalar.
Token token_at(std::string_view line, std::size_t start, bool flow);

// Where a map entry's value sits on the key's line.
struct ValueSpan {
    std::size_t line = 0;   // index into Lines
    std::size_t colon = 0;  // index of the ':' after the key
    std::size_t start = 0;  // where the value starts (== size or '#' when empty)
    bool empty = false;     // nothing but maybe a comment after the colon
    Token token;            // the value's token when not empty
};

// The value of the entry whose key is `key`. Refuses when no ':' follows the key on its line.
ValueSpan value_span(const Lines& lines, const Node& key, bool flow);

// Replaces what the span covers (or the empty place after the colon) with `form`.
void replace_value(Lines& lines, const ValueSpan& s, const std::string& form);

// Removes the value the span covers, keeping the colon and what follows the value (a
// comment): `contacts: []  # c` becomes `contacts:  # c`.
void clear_value(Lines& lines, const ValueSpan& s);

// Replaces the single value of the block map entry `key`: `value` (null or a scalar, as
// parsed) with `form` on the key's line, deleting the lines a multi-line value continues
// on (lines below the key, before line `stop`, indented deeper than the key). A comment
// indented under a plain value stays. Refuses, naming the entry as `what` (quoted, as in
// "'tier'"), a map or list value and a quoted value over several lines.
void replace_scalar(Lines& lines, const Node& key, const Node& value, std::size_t stop,
                    const std::string& form, const std::string& what);

// True when `collection` is written in flow style ({...} or [...]).
bool is_flow(const Lines& lines, const Node& collection);

// The form of a scalar inside a flow collection: bare when safe there, else double-quoted.
std::string flow_form(std::string_view s);

}  // namespace crm::yaml
