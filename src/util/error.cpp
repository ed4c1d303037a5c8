#include "crm/util/error.hpp"

namespace crm {
inline namespace util {

std::string SourceLocation::str() const {
    if (file.empty())
        return {};
    std::string s = file;
    if (line > 0) {
        s += ':' + std::to_string(line);
        if (column > 0)
            s += ':' + std::to_string(column);
    }
    return s;
}

}  // namespace util
}  // namespace crm
