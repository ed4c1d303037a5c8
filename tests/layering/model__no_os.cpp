// Must not build: the model is pure, it never touches the disk.
#include "crm/os/files.hpp"
