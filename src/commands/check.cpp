#include "crm/commands/check.hpp"

#include <set>

#include "crm/render/check_view.hpp"
#include "crm/render/progress.hpp"
#include "crm/store/folder_check.hpp"
#include "crm/util/format.hpp"

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
    ctx.out() << (o.format == render::OutputFormat::json ? render::check_json(problems, warnings)
                                                         : render::check_text(problems, warnings));
    const auto duplicates = check.likely_duplicates.size();
    std::string also = duplicates == 0 ? ""
                                       : fmt::format("; {} likely duplicate{} (crm merge)",
                                                     duplicates, duplicates == 1 ? "" : "s");
    if (!check.warnings.empty())
        also += fmt::format("; {} ignored setting{} that name a program", check.warnings.size(),
                            check.warnings.size() == 1 ? "" : "s");
    std::set<std::string> bad;
    for (const auto& p : problems)
        bad.insert(p.where().file);
    if (problems.empty()) {
        ctx.note(fmt::format("checked {} files: no problems{}", check.files, also));
        return 0;
    }
    ctx.note(fmt::format("{} problem{} in {} file{} ({} files checked){}", problems.size(),
                         problems.size() == 1 ? "" : "s", bad.size(), bad.size() == 1 ? "" : "s",
                         check.files, also));
    return 1;
}

}  // namespace crm::commands
