#pragma once
// Word-wrapping free text (testimonials, notes, legends) to the terminal's width.
#include <string>

namespace crm::render {

// `text` wrapped to `width` display columns (0: no limit), every line starting with
// `indent` and ending in a newline. A word wider than the line (CJK runs have no
// spaces) is cut between characters. Control characters show as spaces (see
// terminal_text.hpp).
std::string wrap(const std::string& text, int width, const std::string& indent = "");

}  // namespace crm::render
