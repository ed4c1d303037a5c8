#pragma once
// The quick reader of scalars.hpp, shared by its two sources: scalars.cpp reads the
// block structure (keys, dashes, plain and block scalars), scalars_flow.cpp the quoted
// scalars and flow collections. Inside the yaml layer only.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/yaml/scalars.hpp"

namespace crm::yaml::quick {

// Thrown inside the reader when the text is not the YAML it knows; never escapes it.
struct Decline {};

inline bool is_space(char c) {
    return c == ' ' || c == '\t';
}

inline bool blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

inline std::size_t skip_spaces(std::string_view line, std::size_t p) {
    while (p < line.size() && is_space(line[p]))
        ++p;
    return p;
}

// A ':' that separates a key from its value (block context).
inline bool separator_at(std::string_view line, std::size_t p) {
    return line[p] == ':' && (p + 1 == line.size() || is_space(line[p + 1]));
}

inline bool is_null_word(std::string_view s) {
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

inline bool is_doc_marker(std::string_view line) {
    return (line.starts_with("---") || line.starts_with("...")) &&
           (line.size() == 3 || is_space(line[3]));
}

class Scanner {
  public:
    explicit Scanner(std::string_view text);
    std::vector<Scalar> run();

  private:
    // Leading spaces; a tab among them is indentation no YAML reader accepts.
    static std::size_t indent(std::string_view line);
    // One line that starts something: list dashes, a key, a value. Returns the next row.
    std::size_t content_line(std::size_t row, std::size_t col);
    // The column after a key's ':' when the line has a key at `col`.
    static std::optional<std::size_t> key_end(std::string_view line, std::size_t col);
    // A value starting at `col` of `row`, inside a node at column `parent`.
    std::size_t value(std::size_t row, std::size_t col, std::size_t parent);
    // After a quoted or flow value: nothing but a comment may follow on its line.
    std::size_t line_end();
    void emit(Scalar s, bool plain);
    // `|` or `>`: the lines indented deeper than the parent, one piece each.
    std::size_t block(std::size_t row, std::size_t col, std::size_t parent);
    // The text of a plain scalar's line from `p`: up to a comment, trailing spaces cut.
    // `ended` tells whether a comment ended it; `: ` inside is no plain scalar.
    static std::string_view plain_part(std::string_view line, std::size_t p, bool& ended);
    // A plain scalar in block context, with its lines indented deeper than the parent.
    std::size_t plain(std::size_t row, std::size_t col, std::size_t parent);
    // A quoted scalar at the cursor; leaves the cursor after its closing quote. Its
    // further lines must be indented at least `min_indent`.
    Scalar quoted(std::size_t min_indent);
    // The escape after a backslash at p_ (YAML 1.2's list); leaves p_ after it.
    void escape(std::string_view line, std::string& out);
    // Skips spaces, comments and line breaks inside a flow collection.
    void flow_space();
    char peek() const { return lines_[r_][p_]; }
    // `[...]` or `{...}` at the cursor; leaves the cursor after its closing bracket.
    void flow_collection(int depth);
    // One item of a flow collection: a value, or a key (dropped) and its value. In a
    // flow map, a lone scalar is a key without a value.
    void flow_node(int depth, bool in_map, bool may_be_key = true);
    // A plain scalar in a flow collection: up to a flow indicator, `: ` or a comment.
    Scalar flow_plain();

    std::vector<std::string_view> lines_;
    std::vector<Scalar> values_;
    std::optional<std::size_t> pending_;  // the column of a key or dash awaiting its value
    std::size_t r_ = 0;                   // the cursor of quoted and flow values
    std::size_t p_ = 0;
};

}  // namespace crm::yaml::quick
