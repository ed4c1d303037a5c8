// Must not build: the model knows nothing of the store above it.
#include "crm/store/folder.hpp"
