#pragma once
// The views of `crm funnel`: a bar per stage and a table of how long each client has
// been in its stage, for people; JSON for programs.
#include <string>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/render/style.hpp"
#include "crm/reports/funnel.hpp"

namespace crm::render {

// The chart and the table fit `width` (0: no terminal; the chart is laid out for 80
// columns, the table is not cut).
std::string funnel_table(const std::vector<FunnelStage>& stages, const Styler& st, int width);

std::string funnel_json(const std::vector<FunnelStage>& stages, Date today);

}  // namespace crm::render
