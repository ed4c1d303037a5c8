#pragma once
// What the sections of the partners' page (report_page.cpp, report_page_sections.cpp)
// share: the words for counts, dates and people, and a table's last line for what was
// left out. Private to render/.
#include <string>
#include <vector>

#include "crm/render/report_page.hpp"

namespace crm::render::page {

// "1 client", "3 clients".
std::string count_of(std::size_t n, const std::string& one, const std::string& many);
// "5 Oct".
std::string day_month(Date d);
// "78%", or "-" when nothing was decided.
std::string share(int part, int whole);
// The name a row shows for a person: "(nobody)" for an empty one.
std::string person_label(const std::string& person, bool in_team);
// Keeps the first kListLimit rows of `t`; says how many more and where to see them.
void limit_rows(ReportTable& t, const std::string& where);

ReportSection due_section(const MonthlyReport& r);
ReportSection pipeline_section(const MonthlyReport& r);
ReportSection reviews_section(const MonthlyReport& r);
ReportSection portfolio_section(const MonthlyReport& r);
ReportSection funnel_section(const MonthlyReport& r);
ReportSection activity_section(const MonthlyReport& r);
ReportSection changes_section(const MonthlyReport& r);

}  // namespace crm::render::page
