#include "editor.hpp"

#include <istream>
#include <random>

#include "crm/os/files.hpp"
#include "crm/os/process.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::commands {

namespace {

std::string random_tag() {
    std::random_device device;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 6; ++i)
        s += kHex[device() & 0xF];
    return s;
}

// The user's text without the header lines crm put above it.
std::string strip_header(const std::string& text, const std::string& header) {
    if (!header.empty() && text.starts_with(header))
        return text.substr(header.size());
    std::string out = text;
    while (out.starts_with("# crm: ") || out.starts_with("# crm:\n")) {
        std::size_t nl = out.find('\n');
        out = nl == std::string::npos ? std::string() : out.substr(nl + 1);
    }
    return out;
}

// Only blank and comment lines: the user emptied the template.
bool is_blank(const std::string& text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        std::string line = trim(text.substr(pos, nl - pos));
        if (!line.empty() && !line.starts_with('#'))
            return false;
        pos = nl + 1;
    }
    return true;
}

std::string problems_header(const std::vector<DataError>& problems) {
    std::string h =
        "# crm: This did not save. Fix what is listed, then save and quit again\n"
        "# crm: (line numbers count from the first line below these comments):\n";
    for (const auto& p : problems) {
        std::string where = p.where().line > 0 ? fmt::format("line {}", p.where().line) : "";
        if (p.where().column > 0)
            where += fmt::format(", column {}", p.where().column);
        h += fmt::format("# crm:   {}{}\n", where.empty() ? "" : where + ": ", p.problem());
    }
    return h;
}

bool ask_reopen(Context& ctx) {
    ctx.err() << "Re-open the editor to fix it? [Y/n] " << std::flush;
    std::string answer;
    if (!std::getline(ctx.in(), answer))
        return false;
    answer = ascii_lower(trim(answer));
    return answer.empty() || answer == "y" || answer == "yes";
}

}  // namespace

std::string editor_command(const Context& ctx) {
    for (const char* var : {"VISUAL", "EDITOR"})
        if (auto e = ctx.env(var); e && !trim(*e).empty())
            return *e;
    return "vi";
}

std::string save_rescue(Context& ctx, const std::string& name, const std::string& text) {
    std::string rel = fmt::format(".crm/rescue/{}-{}.yaml", name, random_tag());
    os::write_atomic(ctx.folder().root(), rel, text, true);
    return rel;
}

EditorResult run_editor(Context& ctx, const EditorRequest& request) {
    const auto root = ctx.folder().root();
    const std::string work = fmt::format(".crm/edit/{}-{}.yaml", request.name, random_tag());
    std::string header = request.header;
    std::string text = request.text;
    for (;;) {
        os::write_atomic(root, work, header + text);
        // A shell runs the editor so that "code --wait" works; the file is an argument,
        // never part of the command text.
        os::ProcessOptions o;
        o.inherit_stdio = true;
        auto r = os::run_process({"/bin/sh", "-c", fmt::format("{} \"$@\"", editor_command(ctx)),
                                  "crm-editor", (root / work).string()},
                                 o);
        auto saved = os::read_file(root / work, yaml::kMaxFileSize + 4096).value_or("");
        if (r.exit_code != 0) {
            std::string kept = saved == header + text ? "" : save_rescue(ctx, request.name, saved);
            os::remove_if_present(root / work);
            throw RuntimeError(
                fmt::format("the editor ({}) failed; nothing was changed", editor_command(ctx)),
                kept.empty() ? "set VISUAL or EDITOR to an editor that works"
                             : fmt::format("your text is kept in {}", kept));
        }
        os::remove_if_present(root / work);
        std::string edited = strip_header(saved, header);
        if (edited == request.text)
            return {EditorResult::Outcome::unchanged, edited};
        if (is_blank(edited))
            return {EditorResult::Outcome::emptied, edited};
        auto problems = request.validate(edited);
        if (problems.empty())
            return {EditorResult::Outcome::saved, edited};
        // The first problem is reported by the error thrown below, or here before asking.
        const bool terminal = ctx.in_is_tty();
        for (std::size_t i = terminal ? 0 : 1; i < problems.size(); ++i)
            ctx.err() << "crm: error: " << render::safe_lines(problems[i].what()) << '\n';
        if (terminal && ask_reopen(ctx)) {
            header = problems_header(problems);
            text = edited;
            continue;
        }
        const std::string kept = save_rescue(ctx, request.name, edited);
        const DataError& first = problems.front();
        throw DataError(first.where(), first.problem(),
                        fmt::format("nothing was changed; your text is kept in {}: fix it there, "
                                    "then copy it back with 'crm edit'",
                                    kept));
    }
}

}  // namespace crm::commands
