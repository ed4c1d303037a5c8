#pragma once
// Text from the data folder on its way to a terminal. Anyone can write those files (a
// teammate's hand edit, an imported CSV), and a control character in them would reach
// the terminal as a command: clear the screen, retitle the window, hide or overwrite
// what crm printed. So every control character becomes a space before it is shown;
// printable text, in any script, passes as it is. Machine formats (JSON, CSV, ICS) are
// data for programs and never go through here.
#include <string>
#include <string_view>

namespace crm::render {

// For a one-line layout (a table cell, a heading): C0 controls, newlines and tabs
// included, DEL and the C1 controls (U+0080..U+009F) as spaces.
std::string one_line(std::string_view text);

// For text shown over several lines (notes, messages): the same, but newlines stay.
std::string safe_lines(std::string_view text);

}  // namespace crm::render
