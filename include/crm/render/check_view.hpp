#pragma once
// The view of `crm check`: each problem as `file:line:column: message (hint)`, one a
// line (the form editors and `grep` jump to), warnings after errors; JSON for programs.
#include <string>
#include <vector>

#include "crm/util/error.hpp"

namespace crm::render {

std::string check_text(const std::vector<DataError>& problems,
                       const std::vector<DataError>& warnings);

// An array of {file, line, column, message, hint, level}.
std::string check_json(const std::vector<DataError>& problems,
                       const std::vector<DataError>& warnings);

}  // namespace crm::render
