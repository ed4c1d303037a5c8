#pragma once
// crm report
#include <string>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"
#include "crm/reports/monthly.hpp"

namespace crm::commands {

struct ReportOptions {
    std::string month;  // YYYY-MM
    DateText since;     // past-facing
    DateText until;     // past-facing
    render::OutputFormat format = render::OutputFormat::html;
    std::string output;  // -o FILE; empty: stdout
};

int report(const ReportOptions& o, Context& ctx);

// The period the options name: --month, --since [--until] (until defaults to today), else
// the month before today's. A period's end after today is today: the page tells no future.
// Throws UsageError for a malformed month, a period that ends before it starts, or one
// that starts after today.
ReportPeriod report_period(const ReportOptions& o, Date today, DateOrder order = DateOrder::none);

// The last day of the month of `today`: the page's due window (as `crm due --until eom`).
Date end_of_month(Date today);

// The whole report over the folder: every client folded once, git asked for the funnel's
// stage dates and for what changed in `period` (not asked with `with_history` false).
// Files that could not be read go to `problems`.
MonthlyReport build_report(Context& ctx, ReportPeriod period, Date due_until, bool with_history,
                           std::vector<DataError>& problems);

}  // namespace crm::commands
