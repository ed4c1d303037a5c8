#include "crm/commands/undo.hpp"
#include "crm/commands/common.hpp"
#include "crm/git/history.hpp"
#include "crm/git/undo.hpp"
#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/render/undo_view.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

const git::Git& require_git(Context& ctx, const std::string& why) {
    const auto& git = ctx.git();
    if (!git)
        throw RuntimeError(fmt::format("{} is not in a git repository", ctx.folder().root()), why);
    return *git;
}

}  // namespace

int undo(Context& ctx) {
    const git::Git& git =
        require_git(ctx, "crm undo takes back a commit; without git there is none");
    const auto lock = ctx.transaction();  // no other crm writes meanwhile
    if (const std::string state = git::undo_blocker(git); !state.empty())
        throw RuntimeError(fmt::format("cannot undo: {}", state),
                           "finish or abort it in git, then crm undo again");
    const auto head = git::head_commit(git);
    if (!head)
        throw RuntimeError("nothing to undo: nothing is committed yet");
    const std::string id = head->id.substr(0, 7);
    const std::string what = fmt::format("{} \"{}\"", id, head->subject);
    if (head->command.empty())
        throw RuntimeError(
            fmt::format("nothing to undo: the last commit, {}, is not one crm made", what),
            fmt::format("crm undo takes back only crm's own commits; for this one: git revert {}",
                        id));
    if (!head->mine)
        throw RuntimeError(
            fmt::format("cannot undo {}: it is {}'s, not made in this clone", what, head->author),
            fmt::format("crm undo takes back only your own last commit; to take this one back "
                        "anyway: git revert {}",
                        id));
    if (head->root)
        throw RuntimeError(fmt::format("nothing to undo: {} is the folder's first commit", what),
                           "to start again, remove the folder");
    if (!head->included.empty())
        throw RuntimeError(
            fmt::format("cannot undo {}: it also committed changes that were not crm's, to {} "
                        "(--include-changes); taking the commit back would take those too",
                        what, join(head->included, ", ")),
            fmt::format("take back crm's change by hand (crm set, crm edit...), or both with git "
                        "revert {}",
                        id));
    const std::string prefix = git::prefix_in_repository(git);
    auto in_folder = [&](const std::string& top) {
        return top.starts_with(prefix) ? top.substr(prefix.size()) : top;
    };
    // crm writes the folder's records and crm.yaml, nothing else: a commit holding another
    // file is not crm's, whatever its message says (git passes the messages of two
    // commits made at once through one file, and can give a commit of yours crm's).
    for (const auto& f : head->files) {
        const std::string mine = in_folder(f);
        if (!f.starts_with(prefix) || !(mine.starts_with("clients/") || mine == kSettingsFile))
            throw RuntimeError(
                fmt::format("cannot undo {}: it holds {}, which no crm command writes", what, mine),
                fmt::format("crm undo takes back only crm's own changes; to take this commit back "
                            "anyway: git revert {}",
                            id));
    }
    if (const auto changed = git::changed_among(git, head->files); !changed.empty()) {
        std::vector<std::string> shown;
        for (const auto& f : changed)
            shown.push_back(in_folder(f));
        throw RuntimeError(fmt::format("cannot undo {}: {} {} changed since", what,
                                       join(shown, ", "), shown.size() == 1 ? "has" : "have"),
                           "commit or discard those changes first (git status shows them), then "
                           "crm undo again");
    }
    if (git::is_pushed(git, head->id)) {
        // Taking back what others may have pulled is a commit of its own.
        if (!ctx.commit_policy().enabled)
            throw RuntimeError(
                fmt::format("cannot undo {} without a commit: it is pushed, so only a revert "
                            "commit takes it back, and commits are off (--no-commit or "
                            "autocommit: false)",
                            what),
                fmt::format("revert it yourself (git revert {}), or run crm undo without "
                            "--no-commit",
                            id));
        const std::string revert = git::revert_commit(git, *head);
        ctx.note(render::undone_by_revert(what, revert));
        return 0;
    }
    // What the commit took along for an earlier command (whose own commit had failed) is
    // not this command's to take back: it stays, and the next commit takes it again.
    std::vector<std::string> keep, written, removed;
    for (const auto& f : head->earlier) {
        keep.push_back(prefix + f);
        (os::exists_no_follow(ctx.folder().root() / f) ? written : removed).push_back(f);
    }
    git::reset_commit(git, *head, keep);
    if (!written.empty())
        store::remember_uncommitted(ctx.folder().root(), written);
    if (!removed.empty())
        store::remember_uncommitted_removals(ctx.folder().root(), removed);
    ctx.note(render::undone_by_reset(what));
    return 0;
}

int log_history(const LogOptions& o, Context& ctx) {
    const git::Git& git =
        require_git(ctx, "crm log reads git's history; crm init makes a repository");
    std::optional<Date> since;
    if (o.since.given())
        since = read_date(ctx, o.since);
    std::vector<std::string> paths;
    std::string whose;  // the folder of the client asked for
    if (!o.client.empty()) {
        std::string slug;
        try {
            slug = resolve_client(ctx, o.client);
        } catch (const RuntimeError&) {
            // A client removed (crm rm) or merged away still has its history.
            if (!is_valid_slug(o.client) ||
                git::history(git, {client_dir_path(o.client)}, {}).empty())
                throw;
            slug = o.client;
        }
        paths.push_back(client_dir_path(slug));
        whose = client_dir_path(slug);
    }
    std::vector<render::LogLine> lines;
    for (auto& e : git::history(git, paths, since))
        lines.push_back({std::move(e.commit), e.date, std::move(e.author), std::move(e.subject),
                         !e.command.empty()});
    if (o.format == render::OutputFormat::json) {
        ctx.out() << render::log_json(lines);
        return 0;
    }
    if (lines.empty()) {
        ctx.note(render::log_nothing(whose, since));
        return 0;
    }
    ctx.out() << render::log_table(lines, render::Styler(ctx.color()), ctx.terminal_width());
    return 0;
}

}  // namespace crm::commands
