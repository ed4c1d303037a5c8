#pragma once
// The partners' page as Markdown (`crm report --format markdown`), for people who paste it
// into a wiki: the same sections, sentences and tables as the HTML page (GitHub-flavoured
// tables, figures aligned right), without the charts. Text from the folder is escaped
// (markdown_text.hpp).
#include <string>

#include "crm/render/report_page.hpp"

namespace crm::render {

std::string report_markdown(const ReportPage& page);

}  // namespace crm::render
