#pragma once
// What a command may learn of the world it runs in, and nothing else: the process's
// variables, today's date, the current folder, the terminal, the standard streams. The
// program fills it in from the process (cli/process_environment.cpp); a test fills it in
// with fixed values (a fake clock, a user, a terminal of a given width), and everything
// a command prints or decides follows from it.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "crm/model/date.hpp"

namespace crm::commands {

using GetEnv = std::function<std::optional<std::string>(const std::string&)>;

struct Terminal {
    bool out = false;  // stdout is a terminal: colour, tables fitted to `width`
    bool in = false;   // stdin is a terminal: the editor, questions
    bool err = false;  // stderr is a terminal: progress lines
    int width = 80;    // columns of the terminal on stdout (COLUMNS overrides it)
};

struct Environment {
    GetEnv getenv;                // the variables (CRM_TODAY, CRM_USER, CRM_DIR, HOME, ...)
    std::function<Date()> today;  // the local calendar day, read when CRM_TODAY is unset
    std::filesystem::path cwd;    // where the folder is looked for
    Terminal terminal;
};

struct Streams {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

}  // namespace crm::commands
