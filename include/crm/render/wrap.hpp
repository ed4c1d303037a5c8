#pragma once
// Word-wrapping free text (testimonials, notes, legends) to the terminal's width.
#include <string>

namespace crm::render {

// `text` wrapped to `width` display columns (0: no limit), every line starting with
// `indent` and ending in a newline. A word wider than the line (CJK runs have no
// spaces) is cut between characters. Control characters show as spaces (see
// terminal_text.hpp).
std::string wrap(const std::string& text, int width, const std::string& indent = "");

// Already rendered text (colour codes and all, control characters already made safe) with
// every line wider than `width` broken between words. A continued line hangs under the
// line's text: after the first gap of two or more spaces that follows its first word
// ("  owner        Alice Smith", "  2026-11-16  visit by ..."), else two columns in from
// the line's own indentation. A colour that spans a break is closed before it and opened
// again after the indentation. `width` 0 changes nothing.
std::string fit_lines(const std::string& rendered, int width);

}  // namespace crm::render
