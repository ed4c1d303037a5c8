#pragma once
// The program: parses the command line, runs one command, and turns every error into
// a one-line message and an exit code (0 ok, 1 runtime or data error, 2 usage error).
#include "crm/commands/context.hpp"

namespace crm::cli {

int run(int argc, const char* const* argv, const commands::Environment& environment,
        const commands::Streams& streams);

}  // namespace crm::cli
