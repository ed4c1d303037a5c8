#include "crm/store/git.hpp"

#include <sys/stat.h>

#include "crm/domain/error.hpp"
#include "crm/domain/text.hpp"
#include "crm/store/files.hpp"

namespace crm::store {

const std::vector<std::string>& git_unset_variables() {
    static const std::vector<std::string> kVars{"GIT_DIR",
                                                "GIT_WORK_TREE",
                                                "GIT_INDEX_FILE",
                                                "GIT_OBJECT_DIRECTORY",
                                                "GIT_COMMON_DIR",
                                                "GIT_NAMESPACE",
                                                "GIT_PREFIX",
                                                "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                                                "GIT_CEILING_DIRECTORIES",
                                                "GIT_DISCOVERY_ACROSS_FILESYSTEM"};
    return kVars;
}

namespace {

bool path_exists(const fs::path& p) {
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0;
}

// `.git` is a folder, or a file "gitdir: PATH" in worktrees and submodules.
std::optional<fs::path> git_dir_at(const fs::path& dir) {
    const fs::path dot_git = dir / ".git";
    std::error_code ec;
    if (fs::is_directory(dot_git, ec))
        return dot_git;
    if (fs::is_regular_file(dot_git, ec)) {
        auto text = read_file(dot_git, 4096).value_or("");
        if (text.starts_with("gitdir: ")) {
            fs::path target = trim(text.substr(8));
            return target.is_absolute() ? target : dir / target;
        }
    }
    return std::nullopt;
}

std::string first_line(const std::string& s) {
    std::string t = trim(s);
    // git prefixes its messages with "fatal: " or "error: "; the user wants the reason.
    for (const char* prefix : {"fatal: ", "error: "})
        if (t.starts_with(prefix))
            t = t.substr(std::string_view(prefix).size());
    return t.substr(0, t.find('\n'));
}

bool identity_missing(const std::string& git_error) {
    return git_error.find("Please tell me who you are") != std::string::npos ||
           git_error.find("unable to auto-detect email") != std::string::npos ||
           git_error.find("empty ident") != std::string::npos;
}

}  // namespace

std::string git_reason(const ProcessResult& r) {
    return first_line(r.err.empty() ? r.out : r.err);
}

std::optional<Git> Git::find(const fs::path& folder) {
    std::error_code ec;
    fs::path dir = fs::weakly_canonical(folder, ec);
    if (ec)
        dir = folder;
    for (fs::path d = dir;; d = d.parent_path()) {
        if (auto gd = git_dir_at(d))
            return Git(folder, *gd);
        if (d == d.parent_path())
            break;
    }
    return std::nullopt;
}

ProcessResult Git::run(const std::vector<std::string>& args, const std::string& input) const {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions o;
    o.cwd = folder_;
    o.unset_env = git_unset_variables();
    o.set_env = {{"LC_ALL", "C"}, {"GIT_TERMINAL_PROMPT", "0"}};
    o.input = input;
    return run_process(argv, o);
}

std::optional<std::string> Git::config(const std::string& key) const {
    auto r = run({"config", "--get", key});
    if (!r.ok())
        return std::nullopt;
    std::string v = trim(r.out);
    if (v.empty())
        return std::nullopt;
    return v;
}

std::string Git::blocking_state() const {
    if (path_exists(git_dir_ / "MERGE_HEAD"))
        return "a merge is in progress";
    if (path_exists(git_dir_ / "rebase-merge") || path_exists(git_dir_ / "rebase-apply"))
        return "a rebase is in progress";
    if (path_exists(git_dir_ / "CHERRY_PICK_HEAD"))
        return "a cherry-pick is in progress";
    auto head = read_file(git_dir_ / "HEAD", 4096).value_or("");
    if (!head.starts_with("ref: "))
        return "HEAD is detached (no branch is checked out)";
    return {};
}

void Git::commit(const std::vector<std::string>& files, const std::string& message) const {
    std::string listed;
    for (const auto& f : files)
        listed += " " + f;
    const std::string kept = "the data is saved in" + listed + "; nothing was lost";
    if (std::string state = blocking_state(); !state.empty()) {
        throw RuntimeError("not committed: " + state,
                           kept + ". Finish that in git, then commit:  git commit" + listed);
    }
    if (path_exists(git_dir_ / "index.lock")) {
        throw RuntimeError(
            "not committed: git's index.lock exists (another git is running, or one crashed)",
            kept + ". If no git is running, remove " + (git_dir_ / "index.lock").string() +
                " and commit:  git add" + listed + " && git commit");
    }
    const RuntimeError no_identity(
        "not committed: git does not know who you are",
        kept +
            ". Set an identity (git config user.name \"Your Name\"; git config "
            "user.email you@example.com), then:  git commit" +
            listed);
    switch (fast_commit(files, message)) {
        case FastCommit::done:
            return;
        case FastCommit::failed:
            if (identity_missing(last_error_))
                throw no_identity;
            throw RuntimeError("not committed: " + first_line(last_error_),
                               kept + ". Commit it:  git commit" + listed);
        case FastCommit::not_possible:
            break;
    }
    std::vector<std::string> add{"add", "--"};
    add.insert(add.end(), files.begin(), files.end());
    auto added = run(add);
    if (!added.ok()) {
        throw RuntimeError("not committed: git add failed: " + first_line(added.err), kept + ".");
    }
    std::vector<std::string> commit{"commit", "--quiet", "--no-status", "-m", message, "--"};
    commit.insert(commit.end(), files.begin(), files.end());
    auto committed = run(commit);
    if (!committed.ok()) {
        std::string why = first_line(committed.err.empty() ? committed.out : committed.err);
        if (identity_missing(committed.err))
            throw no_identity;
        throw RuntimeError("not committed: git commit failed: " + why,
                           kept + ". Fix the cause (a hook?) and commit:  git commit" + listed);
    }
}

}  // namespace crm::store
