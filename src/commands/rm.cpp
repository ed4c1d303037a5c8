#include "crm/commands/rm.hpp"

#include <istream>

#include "crm/commands/common.hpp"
#include "crm/store/paths.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "lifecycle.hpp"

namespace crm::commands {

namespace {

bool confirmed(Context& ctx, const std::string& question) {
    ctx.err() << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(ctx.in(), answer))
        return false;
    answer = ascii_lower(trim(answer));
    return answer == "y" || answer == "yes";
}

}  // namespace

int rm(const RmOptions& o, Context& ctx) {
    const std::string slug = resolve_client(ctx, o.client);
    if (!o.yes && !ctx.in_is_tty())
        throw UsageError(
            fmt::format("crm rm deletes {} and asks first, but standard input is not a terminal",
                        client_dir_path(slug)),
            fmt::format("say so on the command line: crm rm {} --yes", slug));
    auto& folder = ctx.folder();
    std::string name = slug;
    try {
        name = folder.load_client(slug).name;
    } catch (const DataError&) {  // a broken client.yaml is no reason to keep the client
    }
    const std::string dir = client_dir_path(slug);
    const std::string what =
        fmt::format("{} ({}, {})", name, dir,
                    counted(store::client_dir_files(folder.root(), slug).size(), "file"));
    // Asked before the lock is taken: a person thinking it over holds up no other crm.
    if (!o.yes && !confirmed(ctx, fmt::format("Delete {}?", what))) {
        ctx.note("nothing deleted");
        return 0;
    }
    auto tx = ctx.transaction();
    if (!folder.has_client(slug))
        throw RuntimeError(fmt::format("{} is gone already", dir));
    require_committed(ctx, {slug}, "rm");
    tx.remove(dir);
    const bool made = tx.commit(fmt::format("rm: {}", what));
    if (made) {
        const std::string id = head_short_id(ctx);
        ctx.note(
            fmt::format("deleted {} in commit {}. To get it back: crm undo (while it is the last "
                        "commit), or git revert {}",
                        what, id, id));
    } else if (ctx.git()) {
        ctx.note(fmt::format("deleted {}, not committed. To get it back: git checkout HEAD -- {}",
                             what, dir));
    } else {
        ctx.note(
            fmt::format("deleted {}; the folder is in no git repository, so there is no copy to "
                        "get it back from",
                        what));
    }
    return 0;
}

}  // namespace crm::commands
