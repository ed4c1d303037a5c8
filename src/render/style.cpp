#include "crm/render/style.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

std::string Styler::operator()(std::string_view text, Style style) const {
    if (!enabled_ || style == Style::none || text.empty())
        return std::string(text);
    const char* code = "";
    switch (style) {
        case Style::none:
            break;
        case Style::bold:
            code = "1";
            break;
        case Style::dim:
            code = "2";
            break;
        case Style::red:
            code = "31";
            break;
        case Style::yellow:
            code = "33";
            break;
        case Style::green:
            code = "32";
            break;
        case Style::cyan:
            code = "36";
            break;
        case Style::header:
            code = "1;4";
            break;
    }
    return fmt::format("\033[{}m{}\033[0m", code, text);
}

}  // namespace crm::render
