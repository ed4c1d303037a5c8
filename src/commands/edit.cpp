#include "crm/commands/edit.hpp"
#include "crm/commands/common.hpp"
#include "crm/model/layout.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/store/commit_guard.hpp"
#include "crm/util/format.hpp"

#include "editor.hpp"

namespace crm::commands {

namespace {

struct Target {
    std::string file;  // relative to the folder
    schema::FileKind kind = schema::FileKind::client;
};

// --visit latest, a file name, visits/NAME, reviews/NAME, opportunities/NAME or
// clients/SLUG/visits/NAME.
Target find_target(Context& ctx, const std::string& slug, const std::string& visit) {
    auto& folder = ctx.folder();
    if (visit.empty())
        return {folder.client_file(slug), schema::FileKind::client};
    if (visit == "latest") {
        // Names start with the date, and record_files sorts them.
        const auto visits = folder.record_files(slug, RecordKind::visit);
        if (visits.empty())
            throw RuntimeError(fmt::format("no visit is logged for {}", slug),
                               fmt::format("log one with 'crm log-visit {}'", slug));
        return {visits.back(), schema::FileKind::visit};
    }
    if (auto file = folder.find_record_file(slug, visit)) {
        switch (parse_record_path(*file)->kind) {
            case RecordPath::Kind::review:
                return {*file, schema::FileKind::review};
            case RecordPath::Kind::opportunity:
                return {*file, schema::FileKind::opportunity};
            case RecordPath::Kind::visit:
            case RecordPath::Kind::client:
                break;
        }
        return {*file, schema::FileKind::visit};
    }
    throw RuntimeError(
        fmt::format("no record file '{}' for {}", visit, slug),
        fmt::format("give a file name as shown by 'crm show {}', or --visit latest", slug));
}

}  // namespace

int edit(const EditOptions& o, Context& ctx) {
    const std::string slug = resolve_client(ctx, o.client);
    auto& folder = ctx.folder();
    const Target target = find_target(ctx, slug, o.visit);
    folder.refuse_links(target.file);
    auto original = folder.read(target.file);
    if (!original)
        throw RuntimeError(fmt::format("no file {}", target.file));
    // Refused before the editor opens, not after the person's work (commit_guard.hpp).
    (void)store::check_before_change(ctx.commit_policy(), folder.root(), {target.file});
    std::string name = slug;
    try {
        name = folder.load_client(slug).name;
    } catch (const DataError&) {
        // A broken client.yaml is what the user is here to fix.
    }
    EditorRequest request;
    request.header = fmt::format(
        "# crm: Editing {} ({}). Save and quit to keep your change;\n# crm: quit without saving to "
        "cancel. Lines starting with \"# crm:\" are removed.\n",
        target.file, name);
    request.text = *original;
    request.name = fmt::format("{}-{}", slug, std::filesystem::path(target.file).stem().string());
    const Settings& settings = folder.settings();
    request.validate = [&](const std::string& text) {
        return schema::check_file(text, target.file, target.kind, settings);
    };
    auto result = run_editor(ctx, request);
    if (result.outcome == EditorResult::Outcome::unchanged) {
        ctx.note(fmt::format("no changes; {} is as it was", target.file));
        return 0;
    }
    if (result.outcome == EditorResult::Outcome::emptied) {
        ctx.note(fmt::format("the text was emptied; {} is unchanged (to delete it, use git rm)",
                             target.file));
        return 0;
    }
    std::string text = result.text;
    if (!text.ends_with('\n'))
        text += '\n';
    auto tx = ctx.transaction();
    // Someone (another crm, a git pull) may have changed the file while the editor was open.
    auto changed = [&] {
        const std::string kept = save_rescue(ctx, request.name, text);
        return RuntimeError(
            fmt::format("{} changed while you were editing it; nothing was written", target.file),
            fmt::format("your text is kept in {}; run 'crm edit' again and merge it", kept));
    };
    if (tx.read(target.file) != original)
        throw changed();
    try {
        tx.replace(target.file, text);
    } catch (const os::FileChanged&) {
        throw changed();
    }
    tx.commit(
        fmt::format("edit: {} ({})", name, std::filesystem::path(target.file).filename().string()));
    ctx.out() << target.file << '\n';
    return 0;
}

}  // namespace crm::commands
