// Must not build: views get what they show; they never read the folder.
#include "crm/store/folder.hpp"
