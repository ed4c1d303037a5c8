#pragma once
// The completion scripts for bash, zsh and fish, written from the command specs
// (completion_spec.hpp). All three follow one logic: find the command (and the command
// of a command) and count the positionals typed so far, skipping options and their
// values; then offer what the current word is: an option's value of its kind, a
// command's options, its commands, or its positional of that number. Values from the
// folder come from `crm completion --values KIND [--of CLIENT]`, never from the script.
#include <iosfwd>
#include <vector>

#include "completion_spec.hpp"

namespace crm::cli {

void bash_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals);
void zsh_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                const std::vector<OptionSpec>& globals);
void fish_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals);

}  // namespace crm::cli
