#include "crm/render/news.hpp"

#include <algorithm>

#include "crm/render/columns.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/render/wrap.hpp"
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
    // One table for the whole report, so items align across clients; its heading line is
    // left out and each client's name goes before its rows.
    std::vector<const NewsItem*> items;
    for (const auto& g : groups)
        for (const auto& i : g.items)
            items.push_back(&i);
    static const Columns<const NewsItem*> cols{
        {"", "DATE", {Role::date}, [](const NewsItem* i) { return Cell{i->date.iso()}; }},
        {"", "WHAT", {Role::flag}, [](const NewsItem* i) { return Cell{i->what}; }},
        {"",
         "BY",
         {Role::label, 0, 1},
         [](const NewsItem* i) { return Cell{i->by.empty() ? "?" : i->by}; }},
        {"", "SUMMARY", {Role::reading}, [](const NewsItem* i) { return Cell{i->summary}; }},
    };
    const TableText t = table_text(items, cols, styler, width > 2 ? width - 2 : width);
    std::string out;
    std::size_t next = 0;
    for (const auto& g : groups) {
        std::string notes;
        if (g.watched)
            notes = "watched";
        if (g.new_client) {
            notes +=
                fmt::format("{}new client{}", std::string(notes.empty() ? "" : ", "),
                            g.added_by.empty() ? "" : fmt::format(", added by {}", g.added_by));
        }
        std::string heading = fmt::format("{} {}", styler(g.name, Style::bold),
                                          styler(fmt::format("({})", g.slug), Style::dim));
        if (!notes.empty())
            heading += fmt::format("  {}", styler(notes, g.watched ? Style::yellow : Style::cyan));
        // A long name, its slug and the notes break between words on a narrow terminal.
        out += fit_lines(fmt::format("{}\n", heading), width);
        for (std::size_t k = 0; k < g.items.size(); ++k, ++next)
            for (const auto& line : split(t.rows[next], '\n'))
                out += fmt::format("  {}\n", line);
    }
    return out;
}

}  // namespace crm::render
