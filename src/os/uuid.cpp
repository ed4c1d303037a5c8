#include "crm/os/uuid.hpp"

#include <array>
#include <cstdint>
#include <random>

#include "crm/util/format.hpp"

namespace crm::os {

std::string new_uuid() {
    std::random_device source;
    std::array<std::uint8_t, 16> b{};
    for (std::size_t i = 0; i < b.size(); i += 4) {
        const std::uint32_t word = source();
        for (std::size_t k = 0; k < 4; ++k)
            b[i + k] = static_cast<std::uint8_t>(word >> (8 * k));
    }
    // RFC 4122 section 4.4: version 4, variant 10.
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    std::string hex;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            hex += '-';
        hex += fmt::format("{:02x}", b[i]);
    }
    return hex;
}

}  // namespace crm::os
