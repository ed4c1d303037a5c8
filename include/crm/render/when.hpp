#pragma once
// When something is due, said in the few columns a table has for it.
#include <string>

#include "crm/model/date.hpp"

namespace crm::render {

// "today", "tomorrow", "in 3d", "3d overdue": the one column that says when, in tables
// (spec section 4: not a date beside "3 days overdue").
std::string when_text(Date day, Date today);

}  // namespace crm::render
