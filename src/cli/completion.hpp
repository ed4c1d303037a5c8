#pragma once
// `crm completion bash|zsh|fish`: the script of that shell, as it is in
// src/cli/completion/ (built in by cmake/EmbedText.cmake). The scripts know no command:
// they ask `crm __complete` (complete.hpp) as a person types.
#include <iosfwd>
#include <string>
#include <string_view>

namespace crm::cli {

// The text of completion/NAME (crm.bash...); empty for an unknown name.
std::string_view completion_script(std::string_view name);

void write_completion_script(const std::string& shell, std::ostream& out);

}  // namespace crm::cli
