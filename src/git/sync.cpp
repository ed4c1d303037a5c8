// The sync transaction: commit crm's files, fetch, rebase, push; on a conflict or a
// failure before the push, put the repository back exactly as it was.
#include "crm/git/sync.hpp"

#include <cstdlib>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

namespace {

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        auto end = s.find_first_of(std::string("\n\0", 2), start);
        if (end == std::string::npos)
            end = s.size();
        if (end > start)
            out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string rev(const Git& git, const std::string& name) {
    return resolve_commit(git, name);
}

int count_commits(const Git& git, const std::string& range) {
    auto r = git.run({"rev-list", "--count", range});
    return r.ok() ? std::atoi(r.out.c_str()) : 0;
}

bool rebase_in_progress(const Git& git) {
    return git.blocking_state().find("rebase") != std::string::npos;
}

std::string list_files(const std::vector<std::string>& files) {
    return join(files, ", ");
}

// Remembers the repository as it was and puts it back.
class Transaction {
  public:
    explicit Transaction(const Git& git) : git_(git) {
        head0_ = rev(git, "HEAD");
        auto tree = git.run({"write-tree"});
        if (head0_.empty() || !tree.ok())
            throw RuntimeError(fmt::format("git cannot read the repository: {}", git_reason(tree)));
        index0_ = trim(tree.out);
        head1_ = head0_;
    }

    void commit(const std::vector<std::string>& files, const std::string& message) {
        if (files.empty())
            return;
        committed_ = git_.commit(files, message);
        head1_ = rev(git_, "HEAD");
    }

    // Undoes a failed rebase and the commit of local files. Throws when git cannot.
    void rollback() {
        if (rebase_in_progress(git_))
            git_.run_locking({"rebase", "--abort"});
        if (rev(git_, "HEAD") != head1_)
            git_.run_locking({"reset", "--quiet", "--keep", head1_});
        if (committed_ && rev(git_, "HEAD") == head1_) {
            git_.run_locking({"reset", "--quiet", "--soft", head0_});
            git_.run_locking({"read-tree", index0_});
        }
        if (rebase_in_progress(git_) || rev(git_, "HEAD") != head0_) {
            throw RuntimeError("sync failed and git could not put the repository back as it was",
                               fmt::format("look with 'git status'; your commits are safe: git "
                                           "reset --keep {} returns to where you were",
                                           head0_));
        }
    }

    bool committed() const { return committed_; }

  private:
    const Git& git_;
    std::string head0_;   // HEAD before the sync
    std::string index0_;  // the index before, as a tree
    std::string head1_;   // HEAD after committing local files
    bool committed_ = false;
};

// The files a failed rebase stopped on, and who changed them upstream.
std::string conflict_report(const Git& git, const std::string& onto) {
    auto r = git.run({"diff", "--name-only", "--relative", "-z", "--diff-filter=U"});
    std::vector<std::string> files = lines(r.out);
    std::vector<std::string> named;
    for (const auto& f : files) {
        auto who = trim(git.run({"log", "-1", "--format=%an", onto, "--", literal(f)}).out);
        named.push_back(who.empty() ? f : fmt::format("{} (also changed by {})", f, who));
    }
    return join(named, ", ");
}

// Files a rebase refused to overwrite because they are untracked here.
std::vector<std::string> overwritten_untracked(const std::string& err) {
    std::vector<std::string> files;
    bool listing = false;
    for (const auto& line : lines(err)) {
        if (line.find("would be overwritten") != std::string::npos) {
            listing = true;
        } else if (listing && line.starts_with('\t')) {
            files.push_back(trim(line));
        } else {
            listing = false;
        }
    }
    return files;
}

// Rebases HEAD onto `onto`; on failure rolls back and throws with what to do.
void rebase_onto(const Git& git, Transaction& tx, const Upstream& up, const std::string& onto) {
    // A rebase stopped half-way by another git's index.lock would need undoing: wait for
    // it to go first.
    if (!git.wait_for_index_lock()) {
        tx.rollback();
        throw RuntimeError(fmt::format("sync stopped: another git process is using the "
                                       "repository ({} exists)",
                                       git.git_dir() / "index.lock"),
                           "nothing was changed; if no git is running, a git that crashed "
                           "left it: remove that file, then crm sync again");
    }
    auto r = git.run({"-c", "rebase.autoStash=false", "-c", "rebase.updateRefs=false", "rebase",
                      "--quiet", "--no-autostash", onto});
    if (r.ok())
        return;
    const std::string conflicts = rebase_in_progress(git) ? conflict_report(git, onto) : "";
    const auto untracked = overwritten_untracked(fmt::format("{}\n{}", r.err, r.out));
    tx.rollback();
    const std::string restored =
        fmt::format("nothing was changed here: your commits and files are as before the sync{}",
                    tx.committed() ? " (your uncommitted changes are uncommitted again)" : "");
    if (!conflicts.empty()) {
        throw RuntimeError(
            fmt::format("sync stopped: you and a teammate changed the same lines of {}", conflicts),
            fmt::format("{}. To combine both: {}git pull --rebase, edit each file named to keep "
                        "what both wrote (remove the <<<<<<<, ======= and >>>>>>> lines), git "
                        "add it, git rebase --continue, crm check, then crm sync again. Or see "
                        "their version first: git diff HEAD {}",
                        restored,
                        tx.committed() ? "commit your changed files (git add, git commit), " : "",
                        up.tracking));
    }
    if (!untracked.empty()) {
        throw RuntimeError(
            fmt::format("sync stopped: files from {} would overwrite untracked files here: {}",
                        up.tracking, list_files(untracked)),
            fmt::format("{}. Move or delete those files, then crm sync again", restored));
    }
    throw RuntimeError(fmt::format("sync stopped: git rebase failed: {}", git_reason(r)),
                       fmt::format("{}.", restored));
}

os::ProcessResult push(const Git& git, const Upstream& up) {
    std::vector<std::string> args{"push", "--quiet"};
    if (up.set_on_push)
        args.emplace_back("--set-upstream");
    args.push_back(up.remote);
    args.push_back(fmt::format("HEAD:{}", up.merge));
    return git.run(args);
}

std::string fetch(const Git& git, const Upstream& up) {
    auto r = git.run({"fetch", "--quiet", "--no-recurse-submodules", up.remote});
    if (!r.ok())
        return git_reason(r).empty() ? "git fetch failed" : git_reason(r);
    return {};
}

}  // namespace

SyncOutcome sync_with_upstream(const Git& git, const Upstream& up,
                               const std::vector<std::string>& commit_files,
                               const std::string& message) {
    SyncOutcome out;
    out.upstream_before = rev(git, up.tracking_ref);
    Transaction tx(git);
    tx.commit(commit_files, message);

    if (auto why = fetch(git, up); !why.empty()) {
        tx.rollback();
        throw RuntimeError(fmt::format("cannot fetch from {}: {}", up.remote, why),
                           "nothing was changed; check the network and 'git remote -v', then "
                           "crm sync again");
    }
    out.upstream_fetched = rev(git, up.tracking_ref);
    if (out.upstream_fetched.empty() && !up.set_on_push) {
        tx.rollback();
        throw RuntimeError(
            fmt::format("cannot sync: {} does not exist on {}", up.tracking, up.remote),
            fmt::format("nothing was changed; push the branch again:  git push -u {} {}", up.remote,
                        up.branch));
    }
    if (!out.upstream_fetched.empty()) {
        out.pulled = count_commits(git, fmt::format("HEAD..{}", out.upstream_fetched));
        rebase_onto(git, tx, up, out.upstream_fetched);
    }

    for (int attempt = 0;; ++attempt) {
        // The first push of a branch the remote does not have sends all of it.
        out.pushed = out.upstream_fetched.empty()
                         ? count_commits(git, "HEAD")
                         : count_commits(git, fmt::format("{}..HEAD", out.upstream_fetched));
        // The first push sets the upstream even when the remote already has every commit.
        if (out.pushed == 0 && !up.set_on_push)
            break;
        auto pushed = push(git, up);
        if (pushed.ok()) {
            out.upstream_set = up.set_on_push;
            break;
        }
        // Rejected, most likely because a teammate pushed in between: pull again, once.
        std::string before = out.upstream_fetched;
        if (attempt == 0 && fetch(git, up).empty() && rev(git, up.tracking_ref) != before &&
            !rev(git, up.tracking_ref).empty()) {
            out.retried = true;
            out.upstream_fetched = rev(git, up.tracking_ref);
            out.pulled +=
                before.empty()
                    ? count_commits(git, fmt::format("HEAD..{}", out.upstream_fetched))
                    : count_commits(git, fmt::format("{}..{}", before, out.upstream_fetched));
            rebase_onto(git, tx, up, out.upstream_fetched);
            continue;
        }
        throw RuntimeError(
            fmt::format("pulled, but could not push to {}: {}", up.remote, git_reason(pushed)),
            "your commits are safe here and will go with the next crm sync");
    }
    out.upstream_after = rev(git, up.tracking_ref);
    return out;
}

}  // namespace crm::git
