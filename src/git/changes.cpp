#include "crm/git/changes.hpp"

#include <map>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

namespace {

std::string folder_prefix(const Git& git) {
    auto r = git.run({"rev-parse", "--show-prefix"});
    if (!r.ok())
        throw RuntimeError(fmt::format("git cannot read the repository: {}", git_reason(r)));
    return trim(r.out);
}

}  // namespace

std::vector<LocalChange> local_changes(const Git& git) {
    const std::string prefix = folder_prefix(git);
    auto r = git.run({"status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"});
    if (!r.ok())
        throw RuntimeError(fmt::format("git status failed: {}", git_reason(r)));
    std::vector<LocalChange> changes;
    std::vector<std::string> unmerged;
    for (const auto& entry : split(r.out, '\0')) {
        if (entry.size() < 4)
            continue;
        const std::string xy = entry.substr(0, 2);
        std::string path = entry.substr(3);
        if (xy == "DD" || xy == "AA" || xy.find('U') != std::string::npos) {
            unmerged.push_back(path);
            continue;
        }
        LocalChange c;
        const bool inside = path.starts_with(prefix);
        if (inside)
            path = path.substr(prefix.size());
        c.path = path;
        c.crm_data = inside && is_crm_data_path(path);
        c.untracked = xy == "??";
        c.deleted = xy.find('D') != std::string::npos;
        changes.push_back(std::move(c));
    }
    if (!unmerged.empty()) {
        throw RuntimeError(fmt::format("git has unmerged files: {}{}", unmerged.front(),
                                       unmerged.size() > 1 ? " and others" : ""),
                           "finish that merge in git first (edit, git add, git commit), then sync");
    }
    return changes;
}

Upstream find_upstream(const Git& git) {
    if (std::string state = git.blocking_state(); !state.empty())
        throw RuntimeError(fmt::format("cannot sync: {}", state),
                           "finish or abort it in git, then sync again");
    if (!git.run({"rev-parse", "--verify", "--quiet", "HEAD"}).ok())
        throw RuntimeError("cannot sync: nothing is committed yet", "commit something first");
    Upstream up;
    up.branch = trim(git.run({"symbolic-ref", "--short", "HEAD"}).out);
    const auto remotes = split(trim(git.run({"remote"}).out), '\n');
    if (remotes.empty()) {
        throw RuntimeError("cannot sync: this repository has no git remote to share with",
                           "add your team's shared repository, then sync:  git remote add "
                           "origin URL && crm sync");
    }
    up.remote = git.config(fmt::format("branch.{}.remote", up.branch)).value_or("");
    up.merge = git.config(fmt::format("branch.{}.merge", up.branch)).value_or("");
    if (up.remote.empty() && up.merge.empty()) {
        // Never pushed: with one remote there is only one place the team can be.
        if (remotes.size() > 1) {
            throw RuntimeError(
                fmt::format("cannot sync: branch '{}' has no upstream, and this repository has "
                            "{} remotes ({})",
                            up.branch, remotes.size(), join(remotes, ", ")),
                fmt::format("push it once to your team's:  git push -u {} {}", remotes.front(),
                            up.branch));
        }
        up.remote = remotes.front();
        up.merge = fmt::format("refs/heads/{}", up.branch);
        up.tracking_ref = fmt::format("refs/remotes/{}/{}", up.remote, up.branch);
        up.tracking = fmt::format("{}/{}", up.remote, up.branch);
        up.set_on_push = true;
        return up;
    }
    auto tracking = git.run({"rev-parse", "--symbolic-full-name", "@{upstream}"});
    if (up.remote.empty() || up.merge.empty() || up.remote == "." || !tracking.ok()) {
        throw RuntimeError(
            fmt::format("cannot sync: branch '{}' has no upstream on a remote", up.branch),
            fmt::format("push it once with its upstream:  git push -u {} {}", remotes.front(),
                        up.branch));
    }
    up.tracking_ref = trim(tracking.out);
    up.tracking = up.tracking_ref;
    for (const char* prefix : {"refs/remotes/", "refs/heads/"})
        if (up.tracking.starts_with(prefix))
            up.tracking = up.tracking.substr(std::string_view(prefix).size());
    return up;
}

std::string resolve_commit(const Git& git, const std::string& rev) {
    if (rev.empty() || rev.starts_with('-'))
        return {};
    auto r = git.run({"rev-parse", "--verify", "--quiet", "--end-of-options",
                      fmt::format("{}^{{commit}}", rev)});
    return r.ok() ? trim(r.out) : std::string{};
}

std::vector<AddedFile> added_files(const Git& git, const std::string& from, const std::string& to) {
    std::vector<AddedFile> out;
    if (from.empty() || to.empty() || from == to)
        return out;
    // What is in `to` and was not in `from`...
    auto diff = git.run({"diff", "--name-status", "--no-renames", "--relative", "-z",
                         "--diff-filter=A", from, to, "--", "clients/"});
    if (!diff.ok())
        throw RuntimeError(fmt::format("git diff failed: {}", git_reason(diff)));
    // ...and who added it: the newest commit in the range that added each path.
    auto log = git.run({"log", "--no-renames", "--relative", "-z", "--diff-filter=A", "--name-only",
                        "--format=%x01%an", fmt::format("{}..{}", from, to), "--", "clients/"});
    std::map<std::string, std::string> author_of;
    if (log.ok()) {
        std::string author;
        for (auto part : split(log.out, '\0')) {
            // Each commit starts with a field "\x01NAME"; its paths follow, the first one
            // after a newline.
            if (part.starts_with('\x01')) {
                auto nl = part.find('\n');
                author = part.substr(1, nl == std::string::npos ? std::string::npos : nl - 1);
                part = nl == std::string::npos ? std::string{} : part.substr(nl);
            }
            while (!part.empty() && part.front() == '\n')
                part.erase(0, 1);
            if (!part.empty())
                author_of.emplace(part, author);
        }
    }
    auto fields = split(diff.out, '\0');
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
        AddedFile f;
        f.path = fields[i + 1];
        if (auto it = author_of.find(f.path); it != author_of.end())
            f.author = it->second;
        out.push_back(std::move(f));
    }
    return out;
}

std::map<std::string, Date> stage_change_dates(const Git& git) {
    std::map<std::string, Date> changes;
    // One `git log` for the whole folder, newest first, so the first date seen for a
    // file is the one wanted.
    auto result =
        git.run({"-c", "core.quotepath=off", "log", "--relative", "--format=%x01%as", "--name-only",
                 "--no-renames", "-G^stage:", "--", ":(glob)clients/*/client.yaml"});
    if (!result.ok())
        return changes;
    std::optional<Date> current;
    std::size_t start = 0;
    const std::string& text = result.out;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string_view line(text.data() + start, end - start);
        start = end + 1;
        if (line.empty())
            continue;
        if (line.front() == '\x01')
            current = Date::parse_iso(line.substr(1));
        else if (current)
            changes.emplace(std::string(line), *current);
    }
    return changes;
}

}  // namespace crm::git
