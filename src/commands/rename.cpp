#include "crm/commands/rename.hpp"

#include "crm/commands/common.hpp"
#include "crm/model/slug.hpp"
#include "crm/store/paths.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/key_edit.hpp"

#include "lifecycle.hpp"
#include "writes.hpp"

namespace crm::commands {

namespace {

// Refuses `target` as the new folder of client `own`: a folder of that name in any case,
// or one with the same slug root (acme beside acme-2: `crm check` would call them likely
// duplicates), unless it is the client's own.
void require_free_slug(Context& ctx, const std::string& target, const std::string& own) {
    const auto& folder = ctx.folder();
    for (const auto& name : store::client_dir_names(folder.root())) {
        if (name == own)
            continue;
        std::string whose = fmt::format("clients/{}", name);
        if (folder.has_client(name)) {
            try {
                whose += fmt::format(" ({})", folder.load_client(name).name);
            } catch (const DataError&) {  // a broken file still takes its place
            }
        }
        if (ascii_lower(name) == target)
            throw RuntimeError(fmt::format("the slug '{}' is taken by {}", target, whose),
                               "choose another name, or rename without --slug (the name "
                               "changes, the folder stays)");
        if (slug_root(ascii_lower(name)) == slug_root(target))
            throw RuntimeError(
                fmt::format("the slug '{}' would stand beside {}: the same client twice?", target,
                            whose),
                fmt::format(
                    "if it is one client, merge them (crm merge {} {}); else rename without --slug",
                    name, own));
    }
}

}  // namespace

int rename(const RenameOptions& o, Context& ctx) {
    const std::string new_name = trim(o.name);
    if (new_name.empty())
        throw UsageError("the new name is empty", "crm rename acme \"Acme Engineering Pty Ltd\"");
    ClientFileEdit edit(ctx, o.client);  // the lock is held from here
    const std::string slug = parse_record_path(edit.file())->slug;
    const std::string old_name = edit.client().name;
    auto& folder = ctx.folder();

    // Every check before the first change: a refusal leaves everything as it was.
    std::vector<DataError> problems;
    for (const auto& c : folder.load_clients(problems)) {
        if (c.slug != slug && fold_case(c.name) == fold_case(new_name))
            throw RuntimeError(
                fmt::format("'{}' is already the name of clients/{}", new_name, c.slug),
                fmt::format("choose another name, or merge the two: crm merge {} {}", c.slug,
                            slug));
    }
    const std::string target = o.slug ? slugify(new_name) : slug;
    const bool moves = target != slug;
    if (moves) {
        require_free_slug(ctx, target, slug);
        require_committed(ctx, {slug}, "rename");
    }
    const bool renames = old_name != new_name;
    if (!renames && !moves) {
        ctx.note(fmt::format("{} is already the name{}; nothing to change", old_name,
                             o.slug ? " and " + slug + " its slug" : std::string()));
        ctx.out() << slug << '\n';
        return 0;
    }
    // One commit, the name and the folder: a visit's history follows the move.
    if (renames)
        edit.apply([&](const std::string& text, const Client&) {
            return yaml::set_key(text, edit.file(), "name", yaml::EditValue::text(new_name));
        });
    if (moves)
        edit.transaction().rename(client_dir_path(slug), client_dir_path(target));
    std::string what = renames ? fmt::format("{} to {}", old_name, new_name) : new_name;
    if (moves)
        what += fmt::format(" ({} to {})", client_dir_path(slug), client_dir_path(target));
    edit.commit(fmt::format("rename: {}", what));
    ctx.out() << target << '\n';
    ctx.note(fmt::format("renamed {}", what));
    return 0;
}

}  // namespace crm::commands
