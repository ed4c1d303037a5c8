#pragma once
// The text of a hand-edited YAML file as lines: the one model every edit in this layer
// works on. Inside the yaml layer only; other layers use the edits built on it.
//
// The text is split once, at '\n'. Each line keeps its own ending ("\n", "\r\n", or ""
// for a last line without one), so join() gives back the text byte for byte and an edit
// changes exactly the lines it touches: a CRLF file stays CRLF, a mixed one stays mixed.
// Places come from the parser's Marks (1-based line, 1-based byte column counted in the
// text without its byte-order mark, which parse() strips).
//
// Functions taking a line index or a Mark throw std::out_of_range when the text has no
// such line; the edits turn that into a refusal (the parser saw a layout crm cannot map).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/yaml/tree.hpp"

namespace crm::yaml {

class Lines {
  public:
    explicit Lines(std::string_view text);

    std::size_t size() const { return lines_.size(); }

    // Line `i` without its ending. Throws std::out_of_range.
    std::string& text(std::size_t i) { return lines_.at(i).text; }
    const std::string& text(std::size_t i) const { return lines_.at(i).text; }
    // Line `i`'s ending: "\n", "\r\n", or "" for a last line without one.
    const std::string& ending(std::size_t i) const { return lines_.at(i).ending; }

    // The text again: every line followed by its own ending.
    std::string join() const;

    // The ending new lines take: that of the file's first ended line ("\n" when none is).
    const std::string& eol() const { return eol_; }

    // Inserts `text` as a new line before line `at` (`at == size()` appends), ended with
    // eol(). Appended after a last line that has no ending, that line gets eol() and the
    // new line is the one without: a file without a final newline keeps lacking one.
    void insert(std::size_t at, std::string text);
    // Removes lines `first` to `last`, both included.
    void erase(std::size_t first, std::size_t last);
    // Ends the last line with eol() when it has no ending (a no-op on an empty text).
    void end_with_newline();

    // The 0-based line of `m`, and its 0-based byte column in text(line_of(m)).
    std::size_t line_of(const Mark& m) const;
    std::size_t column_of(const Mark& m) const;
    std::string& at(const Mark& m) { return text(line_of(m)); }
    const std::string& at(const Mark& m) const { return text(line_of(m)); }
    // The byte at `m`, or '\0' when the text has none there (never throws).
    char char_at(const Mark& m) const noexcept;

    // Leading spaces of line `i`; std::nullopt for a blank line (spaces only, or empty).
    std::optional<std::size_t> indent(std::size_t i) const;
    // True when line `i` holds only a comment.
    bool is_comment(std::size_t i) const;

    // The last line of the block that something at `column` of line `first` starts: the
    // lines below belong to it while they are blank or indented deeper than `column`
    // (its value's further lines, a nested map or list, comments indented under it). It
    // stops at the first line at or left of `column`; blank lines at its end are not in.
    std::size_t block_end(std::size_t first, std::size_t column) const;

    // Lines `first` to `last`, both included.
    struct Span {
        std::size_t first = 0;
        std::size_t last = 0;
    };
    // A block map entry's lines: its key's line to the end of the block the key starts.
    Span entry_span(const Node& key) const;

    // A block list item written `- value` on its own line, as the parser positioned it.
    struct Item {
        Span span;              // the dash's line to the end of the block the dash starts
        std::size_t dash = 0;   // column of the '-'
        std::size_t value = 0;  // column where the item's value starts, after "- "
    };
    // std::nullopt when `item` does not start right after a `- ` that begins its line
    // (a value on the line below its dash, `- - a`, a flow list's item).
    std::optional<Item> item_of(const Node& item) const;

  private:
    struct Line {
        std::string text;
        std::string ending;
    };
    std::vector<Line> lines_;
    std::string eol_ = "\n";
    bool bom_ = false;
};

}  // namespace crm::yaml
