#include "crm/render/when.hpp"

#include "crm/util/format.hpp"

namespace crm::render {

std::string when_text(Date day, Date today) {
    const int n = today.days_until(day);
    if (n == 0)
        return "today";
    if (n == 1)
        return "tomorrow";
    if (n < 0)
        return fmt::format("{}d overdue", -n);
    return fmt::format("in {}d", n);
}

}  // namespace crm::render
