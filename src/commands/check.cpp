#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "crm/commands/commands.hpp"
#include "crm/render/progress.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/store/folder_check.hpp"

namespace crm::commands {

namespace {

struct CheckOptions {
    std::string format = "text";
};

int run(const CheckOptions& o, Context& ctx) {
    const store::FolderCheckReport check = [&] {
        render::ProgressLine line(ctx.err(), ctx.err_is_tty());  // cleared before the report
        return store::check_folder(ctx.folder_path(), line.callback());
    }();
    const auto& problems = check.problems;
    if (o.format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : problems) {
            out.push_back({{"file", p.where().file},
                           {"line", p.where().line},
                           {"column", p.where().column},
                           {"message", p.problem()},
                           {"hint", p.hint()}});
        }
        ctx.out() << out.dump(2) << '\n';
    } else {
        for (const auto& p : problems) {
            // A problem can quote the file's own text.
            ctx.out() << render::safe_lines(p.what());
            if (!p.hint().empty())
                ctx.out() << " (" << render::safe_lines(p.hint()) << ")";
            ctx.out() << '\n';
        }
    }
    std::set<std::string> bad;
    for (const auto& p : problems)
        bad.insert(p.where().file);
    if (problems.empty()) {
        ctx.note("checked " + std::to_string(check.files) + " files: no problems");
        return 0;
    }
    ctx.note(std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
             " in " + std::to_string(bad.size()) + (bad.size() == 1 ? " file" : " files") + " (" +
             std::to_string(check.files) + " files checked)");
    return 1;
}

}  // namespace

Runner register_check(CLI::App& cmd) {
    auto o = std::make_shared<CheckOptions>();
    cmd.add_option("--format", o->format, "text (file:line:column: problem) or json")
        ->check(CLI::IsMember({"text", "json"}));
    return [o](Context& ctx) { return run(*o, ctx); };
}

}  // namespace crm::commands
