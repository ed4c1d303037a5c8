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
    // Warnings never fail the check: likely duplicates are for a person to decide, and a
    // program named in crm.yaml is ignored.
    std::vector<DataError> warnings = check.warnings;
    warnings.insert(warnings.end(), check.likely_duplicates.begin(), check.likely_duplicates.end());
    if (o.format == "json") {
        // Through formats::dump: a folder name that is not UTF-8 must not stop the report.
        formats::Json out = formats::Json::array();
        auto put = [&](const DataError& p, const char* level) {
            out.push_back({{"file", p.where().file},
                           {"line", p.where().line},
                           {"column", p.where().column},
                           {"message", p.problem()},
                           {"hint", p.hint()},
                           {"level", level}});
        };
        for (const auto& p : problems)
            put(p, "error");
        for (const auto& w : warnings)
            put(w, "warning");
        ctx.out() << formats::dump(out);
    } else {
        auto print = [&](const DataError& p, const std::string& lead) {
            // A problem can quote the file's own text.
            ctx.out() << lead << render::safe_lines(p.what());
            if (!p.hint().empty())
                ctx.out() << " (" << render::safe_lines(p.hint()) << ")";
            ctx.out() << '\n';
        };
        for (const auto& p : problems)
            print(p, "");
        for (const auto& w : warnings)
            print(w, "warning: ");
    }
    const auto duplicates = check.likely_duplicates.size();
    std::string also = duplicates == 0 ? ""
                                       : "; " + std::to_string(duplicates) + " likely duplicate" +
                                             (duplicates == 1 ? "" : "s") + " (crm merge)";
    if (!check.warnings.empty())
        also += "; " + std::to_string(check.warnings.size()) + " ignored setting" +
                (check.warnings.size() == 1 ? "" : "s") + " that name a program";
    std::set<std::string> bad;
    for (const auto& p : problems)
        bad.insert(p.where().file);
    if (problems.empty()) {
        ctx.note("checked " + std::to_string(check.files) + " files: no problems" + also);
        return 0;
    }
    ctx.note(std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
             " in " + std::to_string(bad.size()) + (bad.size() == 1 ? " file" : " files") + " (" +
             std::to_string(check.files) + " files checked)" + also);
    return 1;
}

}  // namespace crm::commands
