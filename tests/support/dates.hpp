#pragma once
// Dates in the unit tests, written as a person reads them: day("2026-11-23").
#include <stdexcept>
#include <string>
#include <string_view>

#include "crm/model/date.hpp"

namespace crm::test {

// Throws rather than asserting: tests also call it for their constants, before any test
// runs, where a doctest assertion cannot.
inline Date day(std::string_view iso) {
    const auto d = Date::parse_iso(iso);
    if (!d)
        throw std::invalid_argument("not a date: " + std::string(iso));
    return *d;
}

}  // namespace crm::test
