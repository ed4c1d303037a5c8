#pragma once
// Every problem in one file, for `crm check`: where the readers of record_io stop at the
// first wrong value, these go on and list them all, each with file:line:column.
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/settings.hpp"
#include "crm/util/error.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::store {

enum class FileKind { settings, client, visit, review };

// Size, encoding, YAML syntax and structure, then the values against `settings`.
std::vector<DataError> check_file(std::string_view text, const std::string& file, FileKind kind,
                                  const Settings& settings);

}  // namespace crm::store
