#pragma once
// Text from the data folder in Markdown (`crm due --format markdown`, `crm report --format
// markdown`): one line, with every character Markdown would read as markup or as a table's
// cell border escaped, and control characters as spaces.
#include <string>
#include <string_view>

namespace crm::render {

std::string md_cell(std::string_view text);

}  // namespace crm::render
