#include "crm/commands/undo.hpp"

#include <sys/stat.h>

#include "crm/commands/common.hpp"
#include "crm/formats/json.hpp"
#include "crm/git/history.hpp"
#include "crm/git/undo.hpp"
#include "crm/model/slug.hpp"
#include "crm/render/table.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

const git::Git& require_git(Context& ctx, const std::string& why) {
    const auto& git = ctx.git();
    if (!git)
        throw RuntimeError(ctx.folder().root().string() + " is not in a git repository", why);
    return *git;
}

bool on_disk(const std::filesystem::path& p) {
    struct stat st;
    return ::lstat(p.c_str(), &st) == 0;
}

}  // namespace

int undo(Context& ctx) {
    const git::Git& git =
        require_git(ctx, "crm undo takes back a commit; without git there is none");
    const auto lock = ctx.transaction();  // no other crm writes meanwhile
    if (const std::string state = git::undo_blocker(git); !state.empty())
        throw RuntimeError("cannot undo: " + state,
                           "finish or abort it in git, then crm undo again");
    const auto head = git::head_commit(git);
    if (!head)
        throw RuntimeError("nothing to undo: nothing is committed yet");
    const std::string id = head->id.substr(0, 7);
    const std::string what = id + " \"" + head->subject + "\"";
    if (head->command.empty())
        throw RuntimeError(
            "nothing to undo: the last commit, " + what + ", is not one crm made",
            "crm undo takes back only crm's own commits; for this one: git revert " + id);
    if (!head->mine)
        throw RuntimeError(
            "cannot undo " + what + ": it is " + head->author + "'s, not made in this clone",
            "crm undo takes back only your own last commit; to take this one back "
            "anyway: git revert " +
                id);
    if (head->root)
        throw RuntimeError("nothing to undo: " + what + " is the folder's first commit",
                           "to start again, remove the folder");
    if (!head->included.empty())
        throw RuntimeError(
            "cannot undo " + what + ": it also committed changes that were not crm's, to " +
                join(head->included, ", ") +
                " (--include-changes); taking the commit back would take those too",
            "take back crm's change by hand (crm set, crm edit...), or both with git revert " + id);
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
                "cannot undo " + what + ": it holds " + mine + ", which no crm command writes",
                "crm undo takes back only crm's own changes; to take this "
                "commit back anyway: git revert " +
                    id);
    }
    if (const auto changed = git::changed_among(git, head->files); !changed.empty()) {
        std::vector<std::string> shown;
        for (const auto& f : changed)
            shown.push_back(in_folder(f));
        throw RuntimeError("cannot undo " + what + ": " + join(shown, ", ") +
                               (shown.size() == 1 ? " has" : " have") + " changed since",
                           "commit or discard those changes first (git status shows them), then "
                           "crm undo again");
    }
    if (git::is_pushed(git, head->id)) {
        // Taking back what others may have pulled is a commit of its own.
        if (!ctx.commit_policy().enabled)
            throw RuntimeError(
                "cannot undo " + what +
                    " without a commit: it is pushed, so only a revert commit "
                    "takes it back, and commits are off (--no-commit or "
                    "autocommit: false)",
                "revert it yourself (git revert " + id + "), or run crm undo without --no-commit");
        const std::string revert = git::revert_commit(git, *head);
        ctx.note("undid " + what + " with a new commit, " + revert.substr(0, 7) +
                 ": it was pushed already, so the undo is a commit of its own (crm sync shares "
                 "it)");
        return 0;
    }
    // What the commit took along for an earlier command (whose own commit had failed) is
    // not this command's to take back: it stays, and the next commit takes it again.
    std::vector<std::string> keep, written, removed;
    for (const auto& f : head->earlier) {
        keep.push_back(prefix + f);
        (on_disk(ctx.folder().root() / f) ? written : removed).push_back(f);
    }
    git::reset_commit(git, *head, keep);
    if (!written.empty())
        store::remember_uncommitted(ctx.folder().root(), written);
    if (!removed.empty())
        store::remember_uncommitted_removals(ctx.folder().root(), removed);
    ctx.note("undid " + what +
             ": the commit is gone (it was not pushed) and its files are as "
             "before it; your other changes are as they were");
    return 0;
}

int log_history(const LogOptions& o, Context& ctx) {
    const git::Git& git =
        require_git(ctx, "crm log reads git's history; crm init makes a repository");
    std::optional<Date> since;
    if (o.since.given())
        since = read_date(ctx, o.since);
    std::vector<std::string> paths;
    std::string whose;
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
        whose = " of " + client_dir_path(slug);
    }
    const auto entries = git::history(git, paths, since);
    if (o.format == render::OutputFormat::json) {
        formats::Json out = formats::Json::array();
        for (const auto& e : entries)
            out.push_back({{"commit", e.commit},
                           {"date", e.date.iso()},
                           {"author", e.author},
                           {"subject", e.subject},
                           {"crm", !e.command.empty()}});
        ctx.out() << formats::dump(out);
        return 0;
    }
    if (entries.empty()) {
        ctx.note("nothing in the history" + whose + (since ? " since " + since->iso() : ""));
        return 0;
    }
    render::Table table({"DATE", "AUTHOR", "SUBJECT", "COMMIT"});
    table.flexible(1, 10);
    table.flexible(2, 20);
    table.droppable(3);
    for (const auto& e : entries)
        table.add({{e.date.iso()}, {e.author}, {e.subject}, {e.commit.substr(0, 7)}});
    ctx.out() << table.render(render::Styler(ctx.color()), ctx.terminal_width());
    return 0;
}

}  // namespace crm::commands
