#include "crm/output/news.hpp"

#include <algorithm>

#include "crm/domain/text.hpp"
#include "crm/output/table.hpp"

namespace crm::output {

std::string render_news(const std::vector<NewsGroup>& groups, const Styler& styler, int width) {
    int what_w = 0;
    int by_w = 0;
    for (const auto& g : groups) {
        for (const auto& i : g.items) {
            what_w = std::max(what_w, display_width(i.what));
            by_w = std::max(by_w, display_width(i.by));
        }
    }
    std::string out;
    for (const auto& g : groups) {
        std::string notes;
        if (g.watched)
            notes = "watched";
        if (g.new_client) {
            notes += std::string(notes.empty() ? "" : ", ") + "new client" +
                     (g.added_by.empty() ? "" : ", added by " + g.added_by);
        }
        out += styler(g.name, Style::bold) + " " + styler("(" + g.slug + ")", Style::dim);
        if (!notes.empty())
            out += "  " + styler(notes, g.watched ? Style::yellow : Style::cyan);
        out += '\n';
        for (const auto& i : g.items) {
            std::string line = "  " + i.date.iso() + "  " + pad(i.what, what_w) + "  " +
                               pad(i.by.empty() ? "?" : i.by, by_w);
            std::string summary = i.summary;
            if (width > 0) {
                int room = width - display_width(line) - 2;
                summary = room > 1 ? truncate_to_width(summary, room) : std::string{};
            }
            if (!summary.empty())
                line += "  " + summary;
            out += line + '\n';
        }
    }
    return out;
}

}  // namespace crm::output
