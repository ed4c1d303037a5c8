// Must not build: reports receive loaded records; they never load them.
#include "crm/store/folder.hpp"
