#include "help_formatter.hpp"

#include <algorithm>
#include <vector>

#include "crm/render/table.hpp"
#include "crm/render/wrap.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::cli {

namespace {

// `text` wrapped to `room` columns, each line after the first indented by `indent`.
std::string hang(const std::string& text, int room, int indent) {
    std::string out;
    std::size_t pos = 0;
    // Lines the text breaks itself (a footer's list) are kept, each wrapped alone.
    while (pos <= text.size()) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string line = text.substr(pos, end - pos);
        const auto lead = line.find_first_not_of(' ');
        const std::string own(lead == std::string::npos ? 0 : lead, ' ');
        std::string wrapped = render::wrap(line, room, own);
        if (wrapped.empty() || line.empty())
            wrapped = "\n";
        for (std::size_t p = 0, nl; (nl = wrapped.find('\n', p)) != std::string::npos; p = nl + 1) {
            if (!out.empty())
                out += fmt::format("\n{}", std::string(static_cast<std::size_t>(indent), ' '));
            out += wrapped.substr(p, nl - p);
        }
        if (end == text.size())
            break;
        pos = end + 1;
    }
    return out;
}

// A footer as written in the registrations (for 80 columns), reflowed for `width`: prose
// lines join into paragraphs; "  term    text" lines are a definition list whose text
// hangs at its column, continued by the more-indented lines under it; other indented
// lines (examples) stay lines of their own.
std::string reflow(const std::string& footer, int width) {
    struct Block {
        enum Kind { blank, prose, definition, verbatim } kind;
        std::string lead;  // prose, verbatim: the indentation; definition: the term part
        std::string text;
    };
    std::vector<Block> blocks;
    // A line continues the block above when it is indented past a definition's term, or
    // sits at a prose paragraph's own indentation.
    const auto continues = [](const Block* last, std::size_t lead) {
        if (!last)
            return false;
        if (last->kind == Block::definition)
            return lead > last->lead.find_first_not_of(' ');
        return last->kind == Block::prose && lead == last->lead.size();
    };
    std::size_t pos = 0;
    while (pos <= footer.size()) {
        const std::size_t end = std::min(footer.find('\n', pos), footer.size());
        const std::string line = footer.substr(pos, end - pos);
        pos = end + 1;
        const std::size_t lead = line.find_first_not_of(' ');
        if (lead == std::string::npos) {
            blocks.push_back({Block::blank, "", ""});
        } else {
            const std::string body = line.substr(lead);
            const std::size_t gap = body.find("  ");
            const std::size_t text_at =
                gap == std::string::npos ? std::string::npos : body.find_first_not_of(' ', gap);
            Block* last = blocks.empty() ? nullptr : &blocks.back();
            if (lead > 0 && lead <= 4 && text_at != std::string::npos && body.find(' ') == gap) {
                blocks.push_back(
                    {Block::definition, line.substr(0, lead + text_at), body.substr(text_at)});
            } else if (continues(last, lead)) {
                last->text += fmt::format(" {}", body);
            } else {
                blocks.push_back(
                    {lead == 0 ? Block::prose : Block::verbatim, std::string(lead, ' '), body});
            }
        }
        if (end == footer.size())
            break;
    }
    std::string out;
    for (const auto& b : blocks) {
        switch (b.kind) {
            case Block::blank:
                out += "\n";
                break;
            case Block::prose:
            case Block::verbatim:
                out += render::wrap(b.text, width, b.lead);
                break;
            case Block::definition: {
                // The term's column, as written, unless the terminal is too narrow for it.
                const int column = std::min<int>(display_width(b.lead), width / 3);
                std::string term = b.lead;
                while (!term.empty() && term.back() == ' ')
                    term.pop_back();
                out += render::pad(term, column);
                if (display_width(term) >= column)
                    out += " ";
                out += fmt::format("{}\n", hang(b.text, std::max(20, width - column), column));
                break;
            }
        }
    }
    while (out.ends_with("\n\n"))
        out.pop_back();
    return out;
}

}  // namespace

HelpFormatter::HelpFormatter(int width)
    : width_(std::max(width, 40)), column_(std::clamp(width_ / 3, 16, 30)) {
    column_width(static_cast<std::size_t>(column_));
}

std::string HelpFormatter::row(const std::string& left, const std::string& text) const {
    std::string name = fmt::format("  {}", left);
    const int room = std::max(20, width_ - column_);
    if (text.empty())
        return fmt::format("{}\n", name);
    if (display_width(name) >= column_)
        return fmt::format("{}\n{}{}\n", name, std::string(static_cast<std::size_t>(column_), ' '),
                           hang(text, room, column_));
    return fmt::format("{}{}\n", render::pad(name, column_), hang(text, room, column_));
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
    return row(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
    std::string out;
    if (!opt->get_option_text().empty())
        return fmt::format(" {}", opt->get_option_text());
    if (opt->get_type_size() != 0) {
        if (!opt->get_type_name().empty())
            out += fmt::format(" {}", get_label(opt->get_type_name()));
        if (opt->get_expected_max() == CLI::detail::expected_max_vector_size)
            out += " ...";
        if (opt->get_required())
            out += fmt::format(" {}", get_label("REQUIRED"));
    }
    return out;
}

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const {
    const auto subs =
        app->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
    if (subs.empty() || mode == CLI::AppFormatMode::All)
        return CLI::Formatter::make_subcommands(app, mode);
    std::string out = "\nCommands:\n";
    // crm's commands come in groups (cli/registry.hpp), each under its title.
    std::string group;
    for (const CLI::App* sub : subs) {
        if (!app->get_parent() && sub->get_group() != group) {
            group = sub->get_group();
            format_to(out, "\n{}\n", group);
        }
        out += row(sub->get_name(), sub->get_description());
    }
    if (!app->get_parent())
        out += fmt::format(
            "\n{}\n",
            hang("Run 'crm COMMAND --help' for a command's options; see crm(1).", width_, 0));
    return out;
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
    const std::string text = app->get_description();
    return text.empty() ? "" : fmt::format("{}\n", hang(text, width_, 0));
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
    const std::string text = app->get_footer();
    return text.empty() ? "" : reflow(text, width_);
}

}  // namespace crm::cli
