#include "crm/schema/problems.hpp"

namespace crm::schema {

void Problems::add(yaml::Mark at, const std::string& what, std::string hint) {
    DataError e(SourceLocation{file_, at.line, at.column}, what, std::move(hint));
    if (!settings_)
        throw e;
    found_.push_back(std::move(e));
}

}  // namespace crm::schema
