// What git's index says of paths crm is about to change (Git::index_state).
#include <algorithm>
#include <future>

#include "crm/git/git.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

Git::IndexState Git::index_state(const std::vector<std::string>& paths, bool with_changes) const {
    IndexState out;
    if (paths.empty())
        return out;
    std::vector<std::string> specs;
    for (const auto& p : paths)
        specs.push_back(literal(p));
    // What is staged: the index against HEAD's tree, which never looks at the work tree
    // (so no timestamp can fool it), beside ls-files.
    std::future<os::ProcessResult> staged;
    if (with_changes) {
        staged = std::async(std::launch::async, [&] {
            std::vector<std::string> args{"diff-index", "--cached", "--name-only", "-z",
                                          "--relative", "HEAD",     "--"};
            args.insert(args.end(), specs.begin(), specs.end());
            return run(args);
        });
    }
    // -v tags each entry: H cached, S skip-worktree, C changed, R deleted, M unmerged, ?
    // untracked; lower case when marked assume-unchanged. Changed means compared by
    // content where the timestamps cannot tell.
    std::vector<std::string> args{"ls-files", "-z", "-v", "--cached"};
    if (with_changes)
        args.insert(args.end(), {"--modified", "--deleted", "--others", "--exclude-standard"});
    args.emplace_back("--");
    args.insert(args.end(), specs.begin(), specs.end());
    const auto listed = run(args);
    const auto diff = with_changes ? staged.get() : os::ProcessResult{0, {}, {}};
    if (!listed.ok())
        throw RuntimeError(fmt::format("git cannot read its index: {}", git_reason(listed)));
    auto add = [](std::vector<std::string>& to, const std::string& path) {
        if (std::find(to.begin(), to.end(), path) == to.end())
            to.push_back(path);
    };
    for (const auto& entry : split(listed.out, '\0')) {
        if (entry.size() < 3 || entry[1] != ' ')
            continue;
        const char tag = entry[0];
        const std::string path = entry.substr(2);
        const char upper = static_cast<char>(tag >= 'a' && tag <= 'z' ? tag - 'a' + 'A' : tag);
        if (upper == 'H' || upper == 'S' || upper == 'M') {
            add(out.tracked, path);
            if (upper == 'S')
                add(out.skip_worktree, path);
            if (tag != upper)
                add(out.assume_unchanged, path);
        }
        if (with_changes && (upper == 'C' || upper == 'R' || upper == 'M' || upper == '?'))
            add(out.changed, path);
    }
    if (with_changes) {
        if (diff.ok()) {
            for (const auto& path : split(diff.out, '\0'))
                if (!path.empty())
                    add(out.changed, path);
        } else {
            // No HEAD yet: whatever the index has differs from it.
            for (const auto& path : out.tracked)
                add(out.changed, path);
        }
    }
    return out;
}

}  // namespace crm::git
