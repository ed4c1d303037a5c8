#pragma once
// The views of `crm reviews`: the satisfaction spectrum, open follow-ups, testimonials
// and referrals, for people; JSON for programs.
#include <optional>
#include <string>

#include "crm/model/date.hpp"
#include "crm/render/style.hpp"
#include "crm/reports/reviews_summary.hpp"

namespace crm::render {

// `since` and `until` are the report's --since and --until, named in the heading. Fits
// `width` (0: no terminal; the chart is laid out for 80 columns, tables and testimonials
// are not cut).
std::string reviews_table(const ReviewsSummary& s, const std::optional<Date>& since, Date today,
                          const Styler& st, int width, const std::optional<Date>& until = {});

std::string reviews_json(const ReviewsSummary& s, const std::optional<Date>& since, Date today,
                         const std::optional<Date>& until = {});

}  // namespace crm::render
