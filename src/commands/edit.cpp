#include "crm/commands/edit.hpp"
#include "crm/commands/common.hpp"
#include "crm/model/layout.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/store/commit_guard.hpp"

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
            throw RuntimeError("no visit is logged for " + slug,
                               "log one with 'crm log-visit " + slug + "'");
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
    throw RuntimeError("no record file '" + visit + "' for " + slug,
                       "give a file name as shown by 'crm show " + slug + "', or --visit latest");
}

}  // namespace

int edit(const EditOptions& o, Context& ctx) {
    const std::string slug = resolve_client(ctx, o.client);
    auto& folder = ctx.folder();
    const Target target = find_target(ctx, slug, o.visit);
    folder.refuse_links(target.file);
    auto original = folder.read(target.file);
    if (!original)
        throw RuntimeError("no file " + target.file);
    // Refused before the editor opens, not after the person's work (commit_guard.hpp).
    (void)store::check_before_change(ctx.commit_policy(), folder.root(), {target.file});
    std::string name = slug;
    try {
        name = folder.load_client(slug).name;
    } catch (const DataError&) {
        // A broken client.yaml is what the user is here to fix.
    }
    EditorRequest request;
    request.header = "# crm: Editing " + target.file + " (" + name +
                     "). Save and quit to keep your change;\n"
                     "# crm: quit without saving to cancel. Lines starting with \"# crm:\" are "
                     "removed.\n";
    request.text = *original;
    request.name = slug + "-" + std::filesystem::path(target.file).stem().string();
    const Settings& settings = folder.settings();
    request.validate = [&](const std::string& text) {
        return schema::check_file(text, target.file, target.kind, settings);
    };
    auto result = run_editor(ctx, request);
    if (result.outcome == EditorResult::Outcome::unchanged) {
        ctx.note("no changes; " + target.file + " is as it was");
        return 0;
    }
    if (result.outcome == EditorResult::Outcome::emptied) {
        ctx.note("the text was emptied; " + target.file +
                 " is unchanged (to delete it, use git rm)");
        return 0;
    }
    std::string text = result.text;
    if (!text.ends_with('\n'))
        text += '\n';
    auto tx = ctx.transaction();
    // Someone (another crm, a git pull) may have changed the file while the editor was open.
    auto changed = [&] {
        const std::string kept = save_rescue(ctx, request.name, text);
        return RuntimeError(target.file + " changed while you were editing it; nothing was written",
                            "your text is kept in " + kept + "; run 'crm edit' again and merge it");
    };
    if (tx.read(target.file) != original)
        throw changed();
    try {
        tx.replace(target.file, text);
    } catch (const os::FileChanged&) {
        throw changed();
    }
    tx.commit("edit: " + name + " (" + std::filesystem::path(target.file).filename().string() +
              ")");
    ctx.out() << target.file << '\n';
    return 0;
}

}  // namespace crm::commands
