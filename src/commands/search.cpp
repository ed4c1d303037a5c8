#include "crm/commands/search.hpp"
#include "crm/commands/common.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/progress.hpp"
#include "crm/render/search_view.hpp"
#include "crm/store/search.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

int search(const SearchOptions& o, Context& ctx) {
    std::string query = trim(join(o.words, " "));
    if (query.empty())
        throw UsageError("nothing to search for", "crm search \"bridge retrofit\"");
    std::vector<DataError> problems;
    std::size_t found = 0;
    const bool json = o.format == render::OutputFormat::json;
    const render::SearchTable table(render::Styler(ctx.color()), ctx.terminal_width());
    {
        render::ProgressLine line(ctx.err(), ctx.err_is_tty());
        // Each match is printed as it is found and forgotten: memory stays flat however
        // many lines match (spec section 6).
        store::search(
            ctx.folder(), query, problems,
            [&](store::SearchHit& m) {
                line.clear();
                if (json) {
                    ctx.out() << formats::dump_array_item({{"client", m.client},
                                                           {"name", m.name},
                                                           {"file", m.file},
                                                           {"line", m.match.line},
                                                           {"text", m.match.text}},
                                                          found == 0);
                } else {
                    if (found == 0)
                        ctx.out() << table.header();
                    ctx.out() << table.row(m.name, m.file, m.match.line, m.match.text);
                }
                ++found;
            },
            line.callback());
    }
    if (json)
        ctx.out() << formats::dump_array_end(found == 0);
    ctx.out().flush();
    const int skipped = ctx.warn_problems(problems);
    if (found == 0) {
        // Like grep: scripts can test whether anything matched.
        ctx.note(fmt::format("no match for '{}'", query));
        return 1;
    }
    return skipped;
}

}  // namespace crm::commands
