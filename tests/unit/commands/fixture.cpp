#include "fixture.hpp"

#include "crm/util/text.hpp"

namespace crm::testing {

int widest_line(const std::string& styled) {
    // Colour codes take no column: ESC [ ... m.
    std::string text;
    for (std::size_t i = 0; i < styled.size(); ++i) {
        if (styled[i] == '\x1b' && i + 1 < styled.size() && styled[i + 1] == '[') {
            i = styled.find('m', i);
            if (i == std::string::npos)
                break;
            continue;
        }
        text += styled[i];
    }
    int widest = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        widest = std::max(widest, display_width(std::string_view(text).substr(pos, end - pos)));
        pos = end + 1;
    }
    return widest;
}

}  // namespace crm::testing
