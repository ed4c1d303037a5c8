#include "crm/os/clock.hpp"

#include <chrono>
#include <ctime>

namespace crm::os {

LocalTime local_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm t{};
    ::localtime_r(&now, &t);
    return {t.tm_year + 1900,
            t.tm_mon + 1,
            t.tm_mday,
            t.tm_hour,
            t.tm_min,
            t.tm_sec,
            static_cast<int>(t.tm_gmtoff / 60)};
}

}  // namespace crm::os
