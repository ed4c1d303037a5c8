#include "crm/render/funnel_view.hpp"

#include "crm/formats/json.hpp"
#include "crm/render/bar_chart.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/wrap.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

std::string funnel_json(const std::vector<FunnelStage>& stages, Date today) {
    formats::Json j;
    j["as_of"] = today.iso();
    formats::Json arr = formats::Json::array();
    for (const auto& s : stages) {
        formats::Json clients = formats::Json::array();
        for (const auto& e : s.entries) {
            clients.push_back(
                {{"client", e.client->slug},
                 {"name", e.client->name},
                 {"since", formats::date_or_null(e.entered)},
                 {"source", e.entered ? formats::Json(std::string(stage_source_name(e.source)))
                                      : formats::Json()},
                 {"days", e.days ? formats::Json(*e.days) : formats::Json()}});
        }
        arr.push_back({{"stage", s.stage},
                       {"configured", s.configured},
                       {"inactive", s.inactive},
                       {"count", s.entries.size()},
                       {"clients", clients}});
    }
    j["stages"] = arr;
    return formats::dump(j);
}

namespace {

std::string source_hint(StageSource s) {
    switch (s) {
        case StageSource::git:
            return " (git)";
        case StageSource::since:
            return " (added)";
        case StageSource::stage_since:
        case StageSource::unknown:
            break;
    }
    return "";
}

}  // namespace

std::string funnel_table(const std::vector<FunnelStage>& stages, const Styler& st, int width) {
    // build_funnel puts every client in exactly one stage.
    std::size_t total = 0;
    for (const auto& s : stages)
        total += s.entries.size();
    std::string out =
        fmt::format("{}  {}\n", st("Funnel", Style::bold),
                    st(std::to_string(total) + (total == 1 ? " client" : " clients"), Style::dim));
    BarChart chart;
    for (const auto& s : stages) {
        std::string note = !s.configured ? "not a stage in crm.yaml" : s.inactive ? "inactive" : "";
        chart.add({s.stage, static_cast<int>(s.entries.size()),
                   s.inactive ? Style::dim : (s.configured ? Style::cyan : Style::yellow), note});
    }
    out += chart.render(st, width);

    // For people only: the JSON (funnel_json) nests the clients in their stages.
    struct Line {
        const FunnelStage* stage;
        const FunnelEntry* entry;
        bool first;
    };
    std::vector<Line> lines;
    bool any_estimate = false;
    for (const auto& s : stages) {
        bool first = true;
        for (const auto& e : s.entries) {
            any_estimate = any_estimate || e.source == StageSource::since;
            lines.push_back({&s, &e, first});
            first = false;
        }
    }
    const Columns<Line> cols{
        {"",
         "STAGE",
         {Role::label, 0, 2},
         [](const Line& l) {
             return Cell{l.first ? l.stage->stage : "",
                         l.stage->inactive ? Style::dim : Style::none};
         }},
        {"",
         "CLIENT",
         {Role::reading},
         [](const Line& l) {
             return Cell{l.entry->client->name, Style::bold};
         }},
        {"",
         "IN STAGE",
         {Role::flag},
         [](const Line& l) {
             return Cell{l.entry->days ? duration_words(*l.entry->days) : "unknown"};
         }},
        // The date and where it comes from ("(git)", "(added)"): the first to go.
        {"",
         "SINCE",
         {Role::flag, 0, 1},
         [](const Line& l) {
             const FunnelEntry& e = *l.entry;
             return Cell{e.entered ? fmt::format("{}{}", *e.entered, source_hint(e.source)) : "",
                         e.source == StageSource::stage_since ? Style::none : Style::dim};
         }},
    };
    if (!lines.empty())
        out += fmt::format("\n{}", table(lines, cols, st, width));
    if (any_estimate) {
        out += st(wrap("(added): no record of the stage change, so counted from the date the "
                       "client was added",
                       width),
                  Style::dim);
    }
    return out;
}

}  // namespace crm::render
