#pragma once
// Text from the data folder on its way into HTML or SVG (`crm report`, `remind --html`).
// Anyone can write those files, so every text is escaped: `<`, `&` and quotes become
// character references (no markup, no attribute ends early), control characters become
// spaces, and what no HTML parser accepts without an error (invalid UTF-8, surrogates,
// noncharacters) becomes U+FFFD. Safe in element content and in quoted attribute values.
#include <string>
#include <string_view>

namespace crm::render {

// For one line (a table cell, a label, a title): newlines and tabs become spaces too.
std::string html_text(std::string_view text);

// For a paragraph: the same, but each line break becomes <br>.
std::string html_lines(std::string_view text);

}  // namespace crm::render
