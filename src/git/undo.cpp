#include "crm/git/undo.hpp"

#include <algorithm>
#include <set>

#include "crm/git/history.hpp"
#include "crm/os/files.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

namespace {

// The email of "Name <email> 1700000000 +0000" (git var GIT_AUTHOR_IDENT).
std::string email_of_ident(const std::string& ident) {
    const auto open = ident.find('<'), close = ident.find('>');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return {};
    return ident.substr(open + 1, close - open - 1);
}

// The paths store::Transaction lists under a paragraph's title ("Also commits what an
// earlier crm command wrote but could not commit:"), two spaces in, up to the next
// paragraph.
std::vector<std::string> listed_files(const std::string& body, std::string_view title) {
    std::vector<std::string> out;
    const auto at = body.find(title);
    if (at == std::string::npos)
        return out;
    const auto lines = split(body.substr(at), '\n');
    for (std::size_t i = 1; i < lines.size() && lines[i].starts_with("  "); ++i)
        out.push_back(lines[i].substr(2));
    return out;
}

// The pathspecs of `paths` (repository-relative) for --pathspec-from-file, NUL-separated.
std::string pathspec_file(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths) {
        format_to(out, ":(top,literal){}", p);
        out += '\0';
    }
    return out;
}

}  // namespace

std::string prefix_in_repository(const Git& git) {
    auto r = git.run({"rev-parse", "--show-prefix"});
    if (!r.ok())
        throw RuntimeError(fmt::format("git cannot read the repository: {}", git_reason(r)));
    return trim(r.out);
}

std::optional<CommitInfo> head_commit(const Git& git) {
    if (!git.run({"rev-parse", "--verify", "--quiet", "HEAD"}).ok())
        return std::nullopt;
    auto r = git.run(
        {"log", "-1", "--no-color", "--format=%H%x1f%s%x1f%an <%ae>%x1f%ae%x1f%P%x1f%B", "HEAD"});
    const auto fields = split(r.out, '\x1f');
    if (!r.ok() || fields.size() < 6)
        throw RuntimeError(fmt::format("git cannot read the last commit: {}", git_reason(r)));
    CommitInfo c;
    c.id = fields[0];
    c.subject = fields[1];
    c.author = fields[2];
    std::string message = fields[5];
    for (std::size_t i = 6; i < fields.size(); ++i)
        message += '\x1f' + fields[i];
    c.command = crm_command(message);
    c.root = trim(fields[4]).empty();
    c.earlier = listed_files(message, "Also commits what an earlier crm command wrote");
    c.included = listed_files(message, kIncludedChanges);
    const std::string me = email_of_ident(trim(git.run({"var", "GIT_AUTHOR_IDENT"}).out));
    c.mine = !me.empty() && fold_case(me) == fold_case(fields[3]);
    if (!c.root) {
        auto files = git.run({"-c", "core.quotepath=off", "diff-tree", "-r", "-z", "--no-renames",
                              "--no-commit-id", "--name-only", "HEAD"});
        if (!files.ok())
            throw RuntimeError(
                fmt::format("git cannot read the last commit: {}", git_reason(files)));
        for (auto& f : split(files.out, '\0'))
            if (!f.empty())
                c.files.push_back(std::move(f));
    }
    return c;
}

bool is_pushed(const Git& git, const std::string& commit) {
    auto up = git.run({"rev-parse", "--verify", "--quiet", "@{upstream}"});
    if (!up.ok())
        return false;
    return git.run({"merge-base", "--is-ancestor", commit, trim(up.out)}).exit_code == 0;
}

std::vector<std::string> changed_among(const Git& git, const std::vector<std::string>& files) {
    // One status of the whole repository, compared here: a pathspec per file would not fit
    // on a command line when the commit removed a client with thousands of visits.
    auto r = git.run({"status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames",
                      "--", ":(top)"});
    if (!r.ok())
        throw RuntimeError(fmt::format("git status failed: {}", git_reason(r)));
    const std::set<std::string> wanted(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& entry : split(r.out, '\0')) {
        if (entry.size() < 4)
            continue;
        std::string path = entry.substr(3);
        if (wanted.count(path))
            out.push_back(std::move(path));
    }
    return out;
}

std::string undo_blocker(const Git& git) {
    if (os::exists_no_follow(git.git_dir() / "REVERT_HEAD") ||
        os::exists_no_follow(git.git_dir() / "sequencer"))
        return "a revert or cherry-pick is in progress";
    return git.blocking_state();
}

void reset_commit(const Git& git, const CommitInfo& c, const std::vector<std::string>& keep) {
    if (!git.wait_for_index_lock())
        throw RuntimeError(fmt::format("another git process is using the repository ({} exists)",
                                       git.git_dir() / "index.lock"),
                           "wait for it to finish, then crm undo again");
    // HEAD back to the parent only if it is still `c`: git checks the old value under its
    // lock, so a commit made since is never dropped.
    auto reset =
        git.run_locking({"update-ref", "-m", fmt::format("crm undo: {}", c.subject.substr(0, 60)),
                         "HEAD", fmt::format("{}~1", c.id), c.id});
    if (!reset.ok())
        throw RuntimeError(fmt::format("git could not move HEAD back: {}", git_reason(reset)),
                           "nothing was changed; if a commit was made meanwhile, crm undo takes "
                           "back only its own last commit");
    std::vector<std::string> restore;
    for (const auto& f : c.files)
        if (std::find(keep.begin(), keep.end(), f) == keep.end())
            restore.push_back(f);
    if (restore.empty())
        return;
    auto r = git.run({"restore", "--source=HEAD", "--staged", "--worktree",
                      "--pathspec-from-file=-", "--pathspec-file-nul"},
                     pathspec_file(restore));
    if (!r.ok()) {
        throw RuntimeError(fmt::format("git restore failed after the reset: {}", git_reason(r)),
                           fmt::format("the commit is undone but its files are not all back: git "
                                       "restore --source={} --staged --worktree -- FILE brings "
                                       "back what it had",
                                       c.id));
    }
}

std::string revert_commit(const Git& git, const CommitInfo& c) {
    // The revert into the index and work tree, then a commit of exactly its files: the
    // user's `git add` of anything else, even now, stays out of it.
    auto r = git.run_locking({"revert", "--no-commit", c.id});
    const auto abort = [&] {
        if (os::exists_no_follow(git.git_dir() / "REVERT_HEAD"))
            git.run_locking({"revert", "--abort"});
    };
    if (!r.ok()) {
        abort();
        throw RuntimeError(
            fmt::format("git revert failed: {}", git_reason(r)),
            fmt::format("nothing was changed; revert it yourself: git revert {}", c.id));
    }
    std::vector<std::string> commit{
        "commit",
        "--quiet",
        "--only",
        "-m",
        fmt::format("Revert \"{}\"\n\nThis reverts commit {}.", c.subject, c.id),
        "--"};
    for (const auto& f : c.files)
        commit.push_back(fmt::format(":(top,literal){}", f));
    auto committed = git.run_locking(commit);
    if (!committed.ok()) {
        abort();
        throw RuntimeError(
            fmt::format("git could not commit the revert: {}", git_reason(committed)),
            fmt::format("nothing was changed; revert it yourself: git revert {}", c.id));
    }
    return trim(git.run({"rev-parse", "HEAD"}).out);
}

}  // namespace crm::git
