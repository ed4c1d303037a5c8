#pragma once
// A new random identity: a contact's `uid`, which its vCard carries to khard and phones.
#include <string>

namespace crm::os {

// A version 4 UUID in its lowercase 8-4-4-4-12 form, from the system's random source
// (std::random_device, /dev/urandom on Linux): two clones never make the same one.
std::string new_uuid();

}  // namespace crm::os
