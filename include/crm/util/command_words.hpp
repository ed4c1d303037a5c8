#pragma once
// A command line written in a settings file (crm.yaml's mail.command), split into the
// argument vector of a program that crm runs itself: never through a shell. Words are
// separated by blanks; 'single quotes' keep everything literally, "double quotes" too
// except \" and \\, and a backslash outside quotes keeps the next character. Nothing is
// expanded: no $VARIABLES, ~, globs, pipes or redirections (they are plain characters).
#include <string>
#include <string_view>
#include <vector>

namespace crm {
inline namespace util {

struct CommandWords {
    std::vector<std::string> words;
    std::string problem;  // why the text is no command; empty when it is one
    bool ok() const { return problem.empty(); }
};

// The words of `text`. A problem when it has no word, an unclosed quote, a trailing
// backslash, or a line break or other control character (a command is one line).
CommandWords split_command(std::string_view text);

}  // namespace util
}  // namespace crm
