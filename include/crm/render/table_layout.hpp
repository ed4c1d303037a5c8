#pragma once
// How a table meets a terminal (spec section 4): each column says what it is, and the
// layout decides from that alone. Identifiers (slugs, file names) shrink first and, when
// they may go, go first; numbers, dates and flags are never cut; the column people read
// (what is due, a client's name) keeps at least 30 display columns on a terminal of 80
// and wraps onto continuation lines, indented under its column, rather than being cut.
// Widths are display widths (accents one column, CJK two); colour never counts. Piped
// output (width 0) is laid out whole, one line per row.
#include <string>
#include <vector>

#include "crm/render/style.hpp"
#include "crm/render/table.hpp"

namespace crm::render {

enum class Role {
    identifier,  // a slug, a file name: shrinks first, cut with "…"
    reading,     // the text people read: wraps, never cut
    label,       // a short word (type, stage, owner): shrinks after identifiers
    number,      // right-aligned, never cut
    date,        // never cut
    flag,        // a short mark or phrase ("3d overdue"): never cut
};

struct ColumnFit {
    Role role = Role::label;
    // The fewest display columns it is given before others go (0: the role's own: 30 for
    // the reading column on 80 columns, 8 for labels, 6 for identifiers).
    int min = 0;
    // When even the narrowest layout is too wide, columns with a `drop` go, the lowest
    // first; 0 never goes.
    int drop = 0;
    // Shown only on terminals at least this wide (and piped): a date beside the "when"
    // that says it again.
    int from = 0;
    // The heading used when the table does not fit as it is ("CONTACT" for "LAST CONTACT").
    std::string narrow_header = {};
};

// A laid-out table: its heading line and each row's lines (a wrapped row has several),
// every line ending in "\n", so a report can put titles between rows.
struct TableText {
    std::string header;
    std::vector<std::string> rows;
    bool narrow = false;  // laid out with the narrow headings (a legend names those)
    std::string str() const;
};

// `width` 0: no limit. Cells are shown safe (one_line) before they are measured.
TableText lay_out(const std::vector<std::string>& headers, const std::vector<ColumnFit>& fits,
                  const std::vector<std::vector<Cell>>& rows, const Styler& styler, int width);

// The widths each shown column gets (-1: left out), for tests and for reports that align
// something else with a table.
std::vector<int> column_widths(const std::vector<std::string>& headers,
                               const std::vector<ColumnFit>& fits,
                               const std::vector<std::vector<Cell>>& rows, int width);

// Display columns between two columns of a table.
inline constexpr int kColumnGap = 2;

// The width of a table's line: the shown columns' widths and the gaps between them.
int shown_width(const std::vector<int>& widths, const std::vector<bool>& shown);

// `text` in lines of at most `width` display columns, broken between words; a word
// wider than that (CJK runs have no spaces) is broken between characters.
std::vector<std::string> wrap_cell(const std::string& text, int width);

}  // namespace crm::render
