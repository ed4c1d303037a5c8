#include "crm/store/commit_guard.hpp"

#include <algorithm>

#include "crm/store/committed.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::store {

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// "a", "a and b", "a and 3 more".
std::string named(const std::vector<std::string>& paths) {
    if (paths.size() == 1)
        return paths.front();
    if (paths.size() == 2)
        return fmt::format("{} and {}", paths[0], paths[1]);
    return fmt::format("{} and {} more", paths.front(), paths.size() - 1);
}

std::string have(const std::vector<std::string>& paths) {
    return paths.size() == 1 ? " has" : " have";
}

}  // namespace

std::vector<std::string> check_before_change(const CommitPolicy& policy,
                                             const std::filesystem::path& root,
                                             const std::vector<std::string>& paths,
                                             const std::vector<std::string>& own,
                                             const git::Git::IndexState* known) {
    if (!policy.enabled || !policy.git || paths.empty())
        return {};
    // Of a wider answer, the entries that are `paths` or below them.
    auto below = [&](const std::vector<std::string>& entries) {
        std::vector<std::string> out;
        for (const auto& e : entries)
            for (const auto& p : paths)
                if (e == p || e.starts_with(fmt::format("{}/", p))) {
                    out.push_back(e);
                    break;
                }
        return out;
    };
    git::Git::IndexState state;
    if (known) {
        state.skip_worktree = below(known->skip_worktree);
        state.assume_unchanged = below(known->assume_unchanged);
        state.changed = below(known->changed);
    } else {
        state = policy.git->index_state(paths, true);
    }
    if (!state.skip_worktree.empty()) {
        const auto& f = state.skip_worktree;
        throw RuntimeError(
            fmt::format("{}{} marked skip-worktree in git's index (a sparse checkout?): git does "
                        "not look at {} on disk, so it would never commit crm's change",
                        named(f), f.size() == 1 ? " is" : " are", f.size() == 1 ? "it" : "them"),
            fmt::format("nothing was written; git sparse-checkout add {} (or git update-index "
                        "--no-skip-worktree {}), then run again",
                        std::filesystem::path(f.front()).parent_path().string(), f.front()));
    }
    if (!state.assume_unchanged.empty()) {
        const auto& f = state.assume_unchanged;
        throw RuntimeError(
            fmt::format("{}{} marked assume-unchanged in git's index: git would never see crm's "
                        "change, nor commit it",
                        named(f), f.size() == 1 ? " is" : " are"),
            fmt::format(
                "nothing was written; git update-index --no-assume-unchanged {}, then run again",
                f.front()));
    }
    std::vector<std::string> mine = uncommitted_files(root);
    for (const auto& f : uncommitted_removals(root))
        mine.push_back(f);
    std::vector<std::string> foreign;
    for (const auto& f : state.changed)
        if (!has(mine, f) && !has(own, f))
            foreign.push_back(f);
    // A file that is exactly what crm committed last is crm's, whatever the index says: a
    // `git commit` racing crm's may have written back an index from before it.
    if (!foreign.empty()) {
        const auto crms = as_crm_committed(*policy.git, root, foreign);
        std::erase_if(foreign, [&](const std::string& f) { return has(crms, f); });
    }
    if (foreign.empty() || policy.include_changes)
        return foreign;
    throw RuntimeError(
        fmt::format("{}{} changes that are not committed", named(foreign), have(foreign)),
        "commit or stash them first (git commit, git stash), or run again with "
        "--include-changes to commit them with crm's change");
}

IndexCheck check_index(const git::Git& git, const std::vector<std::string>& new_paths,
                       const std::vector<std::string>& earlier) {
    IndexCheck out;
    std::vector<std::string> all = new_paths;
    all.insert(all.end(), earlier.begin(), earlier.end());
    if (all.empty())
        return out;
    const auto state = git.index_state(all, false);
    for (const auto& p : new_paths) {
        // A folder renamed into place is taken when git has anything under it.
        const std::string below = fmt::format("{}/", p);
        if (std::any_of(state.tracked.begin(), state.tracked.end(),
                        [&](const std::string& t) { return t == p || t.starts_with(below); }))
            out.taken.push_back(p);
    }
    for (const auto& p : earlier)
        if (has(state.skip_worktree, p) || has(state.assume_unchanged, p))
            out.ignored.push_back(p);
    return out;
}

RuntimeError taken_paths_error(const std::vector<std::string>& taken) {
    return RuntimeError(
        fmt::format("{}{} in git's index but not on disk (a sparse checkout, or a file deleted and "
                    "not committed): crm does not take a name git has",
                    named(taken), taken.size() == 1 ? " is" : " are"),
        "nothing was written; run the command again (a new record gets "
        "another name), or bring the file back: git sparse-checkout add, git "
        "restore");
}

}  // namespace crm::store
