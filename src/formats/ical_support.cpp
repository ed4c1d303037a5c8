#include "ical_support.hpp"

#include <mutex>

namespace crm::formats {

void ical_quiet() {
    static std::once_flag once;
    std::call_once(once, [] {
        icalerror_set_errors_are_fatal(0);
        icalerror_set_error_state(ICAL_NO_ERROR, ICAL_ERROR_NONFATAL);
        icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
        icalerror_set_error_state(ICAL_PARSE_ERROR, ICAL_ERROR_NONFATAL);
        icalerror_set_error_state(ICAL_BADARG_ERROR, ICAL_ERROR_NONFATAL);
    });
}

std::string ical_take(char* text) {
    std::string out = text ? text : "";
    icalmemory_free_buffer(text);
    return out;
}

}  // namespace crm::formats
