#pragma once
// The program: parses the command line, runs one command, and turns every error into
// a one-line message and an exit code (0 ok, 1 runtime or data error, 2 usage error).
#include <iosfwd>

#include "crm/commands/context.hpp"

namespace crm::cli {

struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool out_is_tty = false;
    bool in_is_tty = false;
    bool err_is_tty = false;
};

int run(int argc, const char* const* argv, const commands::GetEnv& getenv, const Streams& streams);

}  // namespace crm::cli
