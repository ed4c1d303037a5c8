#pragma once
// The views of `crm pipeline`: for people, a table of the open opportunities by stage, a
// bar chart of the weighted value by month of expected decision and a one-line reading of
// the deal clock; for programs, JSON (the spec's shape) and CSV (the open opportunities).
#include <string>

#include "crm/model/date.hpp"
#include "crm/render/style.hpp"
#include "crm/reports/pipeline.hpp"

namespace crm::render {

std::string pipeline_table(const Pipeline& p, Date today, const Styler& st, int width);
std::string pipeline_json(const Pipeline& p, Date today);
std::string pipeline_csv(const Pipeline& p);

// "engaged early: won 7 of 9; late: won 1 of 6", or what is missing for a reading.
std::string clock_reading(const DealClock& clock);

}  // namespace crm::render
