// Must not build: git sits below the store, which uses it.
#include "crm/store/folder.hpp"
