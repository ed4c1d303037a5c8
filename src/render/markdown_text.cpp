#include "markdown_text.hpp"

#include "crm/render/terminal_text.hpp"

namespace crm::render {

std::string md_cell(std::string_view text) {
    std::string out;
    for (char c : one_line(text)) {
        if (std::string_view("\\|*_`[]<>#~").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

}  // namespace crm::render
