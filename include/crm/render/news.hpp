#pragma once
// The news of `crm sync` and `crm news`: one heading per client (watched ones marked),
// then its new visits and reviews, aligned across the whole report.
#include <string>
#include <vector>

#include "crm/render/style.hpp"
#include "crm/reports/news.hpp"

namespace crm::render {

// `width` 0 means no limit.
std::string render_news(const std::vector<NewsGroup>& groups, const Styler& styler, int width);

}  // namespace crm::render
