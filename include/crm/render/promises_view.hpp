#pragma once
// The views of `crm promises`: a table for people (the numbers `crm done` takes), JSON
// for programs.
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/render/style.hpp"
#include "crm/reports/promises.hpp"

namespace crm::render {

// The client's name on its first row only; fitted to `width` (0: no limit), the WHAT
// column wraps.
std::string promises_table(const std::vector<PromiseRow>& rows, Date today, const Styler& st,
                           int width);

std::string promises_json(const std::vector<PromiseRow>& rows, Date today);

}  // namespace crm::render
