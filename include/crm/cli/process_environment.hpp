#pragma once
// The environment of this process, for the commands (commands/environment.hpp): its
// variables, the local calendar day, the current folder, and which standard streams are
// terminals and how wide stdout's is. The only place crm asks the system these things.
#include "crm/commands/environment.hpp"

namespace crm::cli {

commands::Environment process_environment();

}  // namespace crm::cli
