// Must not build: YAML is text in, text out.
#include "crm/git/git.hpp"
