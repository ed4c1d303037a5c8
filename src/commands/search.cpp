#include "crm/commands/search.hpp"
#include "crm/commands/common.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/progress.hpp"
#include "crm/render/table.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

struct Match {
    std::string slug;
    std::string file;
    int line;
    std::string text;
};

// Raw lines, not parsed records: a file too broken to load can still be searched, and
// every match has the line a person will find in their editor.
void search_file(const store::Folder& folder, const std::string& slug, const std::string& file,
                 const std::string& needle, std::vector<Match>& matches) {
    auto text = folder.read(file);
    if (!text)
        return;
    int number = 0;
    std::size_t pos = 0;
    while (pos < text->size()) {
        std::size_t end = text->find('\n', pos);
        if (end == std::string::npos)
            end = text->size();
        std::string_view line(text->data() + pos, end - pos);
        pos = end + 1;
        ++number;
        if (fold_case(line).find(needle) != std::string::npos)
            matches.push_back({slug, file, number, trim(line)});
    }
}

}  // namespace

int search(const SearchOptions& o, Context& ctx) {
    std::string query = trim(join(o.words, " "));
    if (query.empty())
        throw UsageError("nothing to search for", "crm search \"bridge retrofit\"");
    std::string needle = fold_case(query);
    auto& folder = ctx.folder();
    std::vector<Match> matches;
    const auto slugs = folder.client_slugs();
    {
        render::ProgressLine line(ctx.err(), ctx.err_is_tty());
        const auto progress = line.callback();
        for (std::size_t i = 0; i < slugs.size(); ++i) {
            // The files show reads, in its order: hidden files are nobody's records.
            for (const auto& file : folder.client_files(slugs[i]))
                search_file(folder, slugs[i], file, needle, matches);
            if (progress)
                progress(i + 1, slugs.size());
        }
    }

    if (o.format == "json") {
        formats::Json arr = formats::Json::array();
        for (const auto& m : matches)
            arr.push_back(
                {{"client", m.slug}, {"file", m.file}, {"line", m.line}, {"text", m.text}});
        ctx.out() << formats::dump(arr);
    } else {
        render::Table table({"CLIENT", "FILE:LINE", "TEXT"});
        table.flexible(2);
        for (const auto& m : matches)
            table.add({{m.slug, render::Style::bold},
                       {m.file + ":" + std::to_string(m.line), render::Style::dim},
                       {m.text}});
        if (!table.empty())
            ctx.out() << table.render(render::Styler(ctx.color()), ctx.terminal_width());
    }
    if (matches.empty()) {
        // Like grep: scripts can test whether anything matched.
        ctx.note("no match for '" + query + "'");
        return 1;
    }
    return 0;
}

}  // namespace crm::commands
