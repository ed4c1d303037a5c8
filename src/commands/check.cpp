#include "crm/commands/check.hpp"

#include <set>

#include "crm/formats/json.hpp"
#include "crm/render/progress.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/store/folder_check.hpp"

namespace crm::commands {

int check(const CheckOptions& o, Context& ctx) {
    const store::FolderCheckReport check = [&] {
        render::ProgressLine line(ctx.err(), ctx.err_is_tty());  // cleared before the report
        return store::check_folder(ctx.existing_folder_path(), line.callback());
    }();
    const auto& problems = check.problems;
    if (o.format == "json") {
        // Through formats::dump: a folder name that is not UTF-8 must not stop the report.
        formats::Json out = formats::Json::array();
        for (const auto& p : problems) {
            out.push_back({{"file", p.where().file},
                           {"line", p.where().line},
                           {"column", p.where().column},
                           {"message", p.problem()},
                           {"hint", p.hint()}});
        }
        ctx.out() << formats::dump(out);
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

}  // namespace crm::commands
