#include "crm/commands/search.hpp"
#include "crm/commands/common.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/progress.hpp"
#include "crm/render/table.hpp"
#include "crm/store/search.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

int search(const SearchOptions& o, Context& ctx) {
    std::string query = trim(join(o.words, " "));
    if (query.empty())
        throw UsageError("nothing to search for", "crm search \"bridge retrofit\"");
    std::vector<store::SearchHit> matches;
    std::vector<DataError> problems;
    {
        render::ProgressLine line(ctx.err(), ctx.err_is_tty());
        matches = store::search(ctx.folder(), query, problems, line.callback());
    }

    if (o.format == render::OutputFormat::json) {
        formats::Json arr = formats::Json::array();
        for (const auto& m : matches)
            arr.push_back({{"client", m.client},
                           {"file", m.file},
                           {"line", m.match.line},
                           {"text", m.match.text}});
        ctx.out() << formats::dump(arr);
    } else {
        render::Table table({"CLIENT", "FILE:LINE", "TEXT"});
        table.flexible(2);
        // Moved, not copied: on a large folder the matches are most of the memory.
        for (auto& m : matches)
            table.add({{std::move(m.client), render::Style::bold},
                       {std::move(m.file) + ":" + std::to_string(m.match.line), render::Style::dim},
                       {std::move(m.match.text)}});
        if (!table.empty())
            ctx.out() << table.render(render::Styler(ctx.color()), ctx.terminal_width());
    }
    const int skipped = ctx.warn_problems(problems);
    if (matches.empty()) {
        // Like grep: scripts can test whether anything matched.
        ctx.note("no match for '" + query + "'");
        return 1;
    }
    return skipped;
}

}  // namespace crm::commands
