#include "gmime_support.hpp"

#include <mutex>

namespace crm::formats::gmime {

void init() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

}  // namespace crm::formats::gmime
