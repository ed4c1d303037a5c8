#include "crm/render/news.hpp"

#include <algorithm>

#include "crm/render/table.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

// Names, kinds and summaries come from teammates' files: shown safe, measured as shown.
std::vector<NewsGroup> shown(std::vector<NewsGroup> groups) {
    for (auto& g : groups) {
        g.name = one_line(g.name);
        g.slug = one_line(g.slug);
        g.added_by = one_line(g.added_by);
        for (auto& i : g.items) {
            i.by = one_line(i.by);
            i.what = one_line(i.what);
            i.summary = one_line(i.summary);
        }
    }
    return groups;
}

}  // namespace

std::string render_news(const std::vector<NewsGroup>& raw, const Styler& styler, int width) {
    const std::vector<NewsGroup> groups = shown(raw);
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
            notes +=
                fmt::format("{}new client{}", std::string(notes.empty() ? "" : ", "),
                            g.added_by.empty() ? "" : fmt::format(", added by {}", g.added_by));
        }
        out += fmt::format("{} {}", styler(g.name, Style::bold),
                           styler(fmt::format("({})", g.slug), Style::dim));
        if (!notes.empty())
            out += fmt::format("  {}", styler(notes, g.watched ? Style::yellow : Style::cyan));
        out += '\n';
        for (const auto& i : g.items) {
            std::string line = fmt::format("  {}  {}  {}", i.date, pad(i.what, what_w),
                                           pad(i.by.empty() ? "?" : i.by, by_w));
            std::string summary = i.summary;
            if (width > 0) {
                int room = width - display_width(line) - 2;
                summary = room > 1 ? truncate_to_width(summary, room) : std::string{};
            }
            if (!summary.empty())
                line += fmt::format("  {}", summary);
            out += line + '\n';
        }
    }
    return out;
}

}  // namespace crm::render
