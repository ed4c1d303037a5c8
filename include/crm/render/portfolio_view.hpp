#pragma once
// The views of `crm portfolio`: one table per tier with the ratings, the clients whose
// ratings suggest another tier, and those not rated, for people; JSON for programs.
#include <string>

#include "crm/model/date.hpp"
#include "crm/render/style.hpp"
#include "crm/reports/portfolio.hpp"

namespace crm::render {

// Fits `width` (0: no limit): a tier's table too wide for it drops the stage and the
// last review's date and takes shorter headings before the names shrink.
std::string portfolio_table(const Portfolio& p, const Styler& st, int width);

std::string portfolio_json(const Portfolio& p, Date today);

}  // namespace crm::render
