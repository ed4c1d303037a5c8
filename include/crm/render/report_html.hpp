#pragma once
// The partners' page as one self-contained HTML5 document (`crm report`): inline CSS and
// inline SVG, no script, no font, no image, no link to anything outside the page, so it
// opens the same from a file, a mail or a web server years later. Each chart sits beside
// the table of its numbers; the layout reads on a wide screen (chart and table side by
// side), on a phone (one column, wide tables scroll in their own box) and on A4 paper
// (print CSS: each section on a new page, nothing scrolled away). Every text from the
// folder is escaped (html_text.hpp).
#include <string>

#include "crm/render/report_page.hpp"

namespace crm::render {

// `navigation`: a list of the sections at the top (the page; not a teammate's mail).
std::string report_html(const ReportPage& page, bool navigation = true);

}  // namespace crm::render
