#include "crm/render/numbers.hpp"

#include <cmath>

#include "crm/util/format.hpp"

namespace crm::render {

std::string amount_text(double amount) {
    const double cents = std::round(amount * 100.0);
    const bool whole = std::fmod(cents, 100.0) == 0;
    const double value = std::fabs(cents) / 100.0;
    const std::string digits = whole ? fmt::format("{:.0f}", value) : fmt::format("{:.2f}", value);
    const std::size_t point = std::min(digits.find('.'), digits.size());
    std::string out = cents < 0 ? "-" : "";
    for (std::size_t i = 0; i < point; ++i) {
        if (i > 0 && (point - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out + digits.substr(point);
}

}  // namespace crm::render
