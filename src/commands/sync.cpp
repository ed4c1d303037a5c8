#include <algorithm>
#include <set>

#include "crm/commands/common.hpp"
#include "crm/commands/notify.hpp"
#include "crm/commands/sync.hpp"
#include "crm/git/sync.hpp"
#include "crm/render/news.hpp"
#include "crm/reports/news.hpp"
#include "crm/schema/records.hpp"
#include "crm/store/local_state.hpp"
#include "crm/store/transaction.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/format.hpp"

namespace crm::commands {

namespace {

// The state file in .crm/ that remembers the upstream commit of the last sync.
constexpr const char* kSyncState = "sync";

// Checks a file before it is shared: a teammate should never pull a broken record.
void validate(const store::Folder& folder, const std::string& file,
              std::vector<DataError>& problems) {
    try {
        auto text = folder.read(file);
        if (!text)
            return;
        if (file == kSettingsFile) {
            schema::read_settings(*text, file);
            return;
        }
        switch (parse_record_path(file)->kind) {
            case RecordPath::Kind::client:
                schema::read_client(*text, file);
                break;
            case RecordPath::Kind::visit:
                schema::read_visit(*text, file);
                break;
            case RecordPath::Kind::review:
                schema::read_review(*text, file);
                break;
            case RecordPath::Kind::opportunity:
                schema::read_opportunity(*text, file);
                break;
        }
    } catch (const DataError& e) {
        problems.push_back(e);
    }
}

// The files crm commits before syncing: its own data, changed or new. Anything else
// that git tracks and is changed would stop the rebase, so it stops the sync first.
std::vector<std::string> files_to_commit(Context& ctx, const git::Git& git) {
    const bool may_commit = !ctx.global().no_commit;
    std::vector<std::string> commit, blocking;
    for (const auto& c : git::local_changes(git)) {
        if (c.crm_data && may_commit)
            commit.push_back(c.path);
        else if (!c.untracked)
            blocking.push_back(c.path);
    }
    if (!blocking.empty()) {
        throw RuntimeError(
            fmt::format("cannot sync: uncommitted changes that crm does not commit: {}",
                        join(blocking, ", ")),
            may_commit ? "commit or stash them (git commit, git stash), then crm "
                         "sync again"
                       : "without --no-commit, crm commits its own files first; "
                         "or commit them yourself");
    }
    std::vector<DataError> problems;
    for (const auto& f : commit)
        validate(ctx.folder(), f, problems);
    if (!problems.empty()) {
        ctx.warn_problems(problems);
        throw RuntimeError(
            fmt::format("cannot sync: {} changed file(s) would share broken data", problems.size()),
            "fix them (crm check shows where), then crm sync again");
    }
    return commit;
}

std::string plural(int n, const std::string& word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

int report(Context& ctx, const git::Git& git, const std::string& from, const std::string& to) {
    auto added = git::added_files(git, from, to);
    std::set<std::string> slugs;
    for (const auto& f : added)
        if (auto rp = parse_record_path(f.path))
            slugs.insert(rp->slug);
    std::vector<ClientRecord> records;
    std::vector<DataError> problems;
    auto& folder = ctx.folder();
    for (const auto& slug : slugs) {
        if (!folder.has_client(slug))
            continue;
        try {
            records.push_back(folder.load_record(slug, problems));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    NewsQuery q{ctx.user(), false, true};
    auto groups = news_from_added(added, records, q);
    if (groups.empty()) {
        ctx.note("nothing new from teammates");
    } else {
        ctx.out() << "New from teammates since your last sync:\n"
                  << render::render_news(groups, render::Styler(ctx.color()), ctx.terminal_width());
    }
    return ctx.warn_problems(problems);
}

}  // namespace

int sync(Context& ctx) {
    auto& folder = ctx.folder();
    const auto& git = ctx.git();
    if (!git) {
        throw RuntimeError(fmt::format("cannot sync: {} is not in a git repository", folder.root()),
                           "crm sync shares the folder through git: git init, git remote add "
                           "origin URL, then crm sync");
    }
    // The lock only: sync's commit, rebase and push are git's (git/sync.hpp).
    const store::Transaction lock = ctx.transaction();
    const git::Upstream up = git::find_upstream(*git);
    const auto files = files_to_commit(ctx, *git);
    const auto outcome = git::sync_with_upstream(
        *git, up, files,
        fmt::format("sync: {}", plural(static_cast<int>(files.size()), "local change")));

    store::forget_uncommitted(folder.root());  // sync committed every crm file
    if (!files.empty())
        ctx.note(fmt::format("committed {}: {}",
                             plural(static_cast<int>(files.size()), "local change"),
                             join(files, ", ")));
    if (outcome.retried)
        ctx.note("a teammate pushed first; pulled again and retried");
    ctx.note(outcome.pulled
                 ? fmt::format("pulled {} from {}", plural(outcome.pulled, "commit"), up.tracking)
                 : fmt::format("nothing to pull from {}", up.tracking));
    if (outcome.pushed)
        ctx.note(fmt::format("pushed {} to {}", plural(outcome.pushed, "commit"), up.tracking));
    if (outcome.upstream_set)
        ctx.note(fmt::format("branch '{}' now has its upstream: {} (later syncs pull from there)",
                             up.branch, up.tracking));

    // What arrived since the last sync of this clone (or, the first time, since the
    // upstream this clone knew of before fetching).
    auto state = store::read_local_state(folder.root(), kSyncState);
    std::string from = git::resolve_commit(*git, state["upstream"]);
    if (from.empty())
        from = outcome.upstream_before;
    store::write_local_state(folder.root(), kSyncState,
                             {{"upstream", outcome.upstream_after}, {"date", ctx.today().iso()}});
    const int status = report(ctx, *git, from, outcome.upstream_fetched);
    // The team hears of what this sync pushed (notify.hpp says why only that).
    if (folder.settings().notify_on_sync && outcome.pushed > 0)
        return std::max(status,
                        notify_pushed(ctx, outcome.upstream_fetched, outcome.upstream_after));
    return status;
}

}  // namespace crm::commands
