#pragma once
// The news of `crm sync` and `crm news`: one heading per client (watched ones marked),
// then its new visits and reviews, aligned across the whole report.
#include <string>
#include <vector>

#include "crm/domain/news.hpp"
#include "crm/output/style.hpp"

namespace crm::output {

// `width` 0 means no limit.
std::string render_news(const std::vector<NewsGroup>& groups, const Styler& styler, int width);

}  // namespace crm::output
