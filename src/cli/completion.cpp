#include "completion.hpp"

#include <ostream>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::cli {

void write_completion_script(const std::string& shell, std::ostream& out) {
    const std::string_view script = completion_script(fmt::format("crm.{}", shell));
    if (script.empty())
        throw UsageError(fmt::format("SHELL: '{}' is not one of bash, zsh, fish", shell),
                         "crm completion bash, zsh or fish");
    out << script;
}

}  // namespace crm::cli
