#pragma once
// What the shells' completion asks crm while a person types: `crm __complete WORD...`,
// the words after `crm` with the one being completed last (empty at a new word). crm
// reads the words before it as it would parse them (usage.hpp), so it knows the command,
// which positional or option value comes next and its kind (spec.hpp, recorded where
// each argument is declared), and prints:
//
//   a first line: `words` (the lines after it), `files` or `dirs` (the shell's own)
//   then one candidate a line, `WORD<TAB>WHAT IT IS` (the tab and the rest optional)
//
// Only candidates that start with the word typed are printed, each one word however
// many blanks or accents it has: the scripts (completion/crm.{bash,zsh,fish}) quote it
// for their shell. A folder that cannot be read gives no values: a completion never
// complains.
#include <string>
#include <string_view>
#include <vector>

#include "crm/commands/context.hpp"

#include "spec.hpp"

namespace crm::cli {

inline constexpr std::string_view kCompleteCommand = "__complete";

int complete(const Spec& spec, const std::vector<std::string>& words,
             const commands::Environment& environment, const commands::Streams& streams);

}  // namespace crm::cli
