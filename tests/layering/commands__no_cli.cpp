// Must not build: commands are called by the command line, never the other way round.
#include "crm/cli/registry.hpp"
