#include "lifecycle.hpp"

#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/git/changes.hpp"
#include "crm/model/layout.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

std::string counted(std::size_t n, const std::string& word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void require_committed(Context& ctx, const std::vector<std::string>& slugs,
                       const std::string& command) {
    const auto& git = ctx.git();
    if (!git)
        return;
    std::vector<std::string> changed, dirs;
    for (const auto& slug : slugs)
        dirs.push_back(fmt::format("{}/", client_dir_path(slug)));
    for (const auto& c : git::local_changes(*git)) {
        for (const auto& dir : dirs)
            if (c.path.starts_with(dir) && !c.untracked)
                changed.push_back(c.path);
    }
    // Untracked files, the ignored ones too (git status leaves those out): git has no
    // copy of them to bring back.
    std::vector<std::string> others{"ls-files", "-z", "--others", "--"};
    for (const auto& dir : dirs)
        others.push_back(git::literal(dir));
    if (auto r = git->run(others); r.ok()) {
        for (std::size_t pos = 0; pos < r.out.size();) {
            const std::size_t end = std::min(r.out.find('\0', pos), r.out.size());
            if (end > pos)
                changed.push_back(r.out.substr(pos, end - pos));
            pos = end + 1;
        }
    }
    if (changed.empty())
        return;
    std::string listed =
        join(std::vector<std::string>(
                 changed.begin(), changed.begin() + std::min<std::ptrdiff_t>(3, changed.size())),
             ", ");
    if (changed.size() > 3)
        listed += fmt::format(" and {} more", changed.size() - 3);
    throw RuntimeError(fmt::format("cannot {}: {}{} changes git does not have yet", command, listed,
                                   changed.size() == 1 ? " has" : " have"),
                       fmt::format("commit them first (git add -A {} && git commit), or discard "
                                   "them, then run crm {} again",
                                   join(dirs, " "), command));
}

std::string head_short_id(Context& ctx) {
    const auto& git = ctx.git();
    if (!git)
        return {};
    auto r = git->run({"rev-parse", "--short", "--verify", "--quiet", "HEAD"});
    return r.ok() ? trim(r.out) : std::string();
}

}  // namespace crm::commands
