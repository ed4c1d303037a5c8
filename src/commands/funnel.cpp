#include "crm/commands/funnel.hpp"
#include "crm/commands/common.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/bar_chart.hpp"
#include "crm/render/table.hpp"
#include "crm/render/wrap.hpp"
#include "crm/reports/funnel.hpp"

namespace crm::commands {

namespace {

using render::Style;

// For clients whose client.yaml has no `stage_since` (set by 'crm set CLIENT stage'),
// the date of the last commit that changed its `stage:` line. One `git log` for the
// whole folder, newest first, so the first date seen for a file is the one we want.
std::map<std::string, Date> stage_changes_from_git(Context& ctx,
                                                   const std::vector<ClientRecord>& records) {
    std::map<std::string, Date> changes;
    bool needed = false;
    for (const auto& r : records)
        needed = needed || !r.client.stage_since;
    if (!needed || !ctx.git())
        return changes;
    auto result = ctx.git()->run({"-c", "core.quotepath=off", "log", "--relative",
                                  "--format=%x01%as", "--name-only", "--no-renames",
                                  "-G^stage:", "--", ":(glob)clients/*/client.yaml"});
    if (!result.ok())
        return changes;  // no commits yet, or git refused: fall back to `since`
    std::optional<Date> current;
    std::size_t start = 0;
    const std::string& text = result.out;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string_view line(text.data() + start, end - start);
        start = end + 1;
        if (line.empty())
            continue;
        if (line.front() == '\x01')
            current = Date::parse_iso(line.substr(1));
        else if (current)
            changes.emplace(std::string(line), *current);
    }
    return changes;
}

void print_json(const std::vector<FunnelStage>& stages, Context& ctx) {
    formats::Json j;
    j["as_of"] = ctx.today().iso();
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
    ctx.out() << formats::dump(j);
}

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

void print_text(const std::vector<FunnelStage>& stages, std::size_t total, Context& ctx) {
    const render::Styler st(ctx.color());
    const int width = ctx.terminal_width();
    std::string out =
        st("Funnel", Style::bold) + "  " +
        st(std::to_string(total) + (total == 1 ? " client" : " clients"), Style::dim) + "\n";
    render::BarChart chart;
    for (const auto& s : stages) {
        std::string note = !s.configured ? "not a stage in crm.yaml" : s.inactive ? "inactive" : "";
        chart.add({s.stage, static_cast<int>(s.entries.size()),
                   s.inactive ? Style::dim : (s.configured ? Style::cyan : Style::yellow), note});
    }
    out += chart.render(st, width);

    render::Table t({"STAGE", "CLIENT", "IN STAGE", "SINCE"});
    t.flexible(1);
    bool any_estimate = false;
    for (const auto& s : stages) {
        bool first = true;
        for (const auto& e : s.entries) {
            any_estimate = any_estimate || e.source == StageSource::since;
            t.add({{first ? s.stage : "", s.inactive ? Style::dim : Style::none},
                   {e.client->name, Style::bold},
                   {e.days ? duration_words(*e.days) : "unknown"},
                   {e.entered ? e.entered->iso() + source_hint(e.source) : "",
                    e.source == StageSource::stage_since ? Style::none : Style::dim}});
            first = false;
        }
    }
    if (!t.empty())
        out += "\n" + t.render(st, width);
    if (any_estimate) {
        out += st(render::wrap("(added): no record of the stage change, so counted from the date "
                               "the client was added",
                               width),
                  Style::dim);
    }
    ctx.out() << out;
}

}  // namespace

int funnel(const FunnelOptions& o, Context& ctx) {
    auto& folder = ctx.folder();
    auto snapshot = ctx.load_all(store::Detail::summary);
    const auto changes = stage_changes_from_git(ctx, snapshot.clients);
    const auto stages = build_funnel(snapshot.clients, folder.settings(), ctx.today(), changes);
    if (o.format == "json")
        print_json(stages, ctx);
    else if (snapshot.clients.empty())
        ctx.note("no clients yet: add one with 'crm add-client NAME'");
    else
        print_text(stages, snapshot.clients.size(), ctx);
    return ctx.warn_problems(snapshot.problems);
}

}  // namespace crm::commands
