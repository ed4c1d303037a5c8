// crm merge KEEP OTHER: OTHER's records move into KEEP's folder unchanged, its profile
// joins KEEP's client.yaml through the line editor (model/merge.hpp decides what), its
// folder goes; one transaction, one commit. Everything is checked and every edit made in
// memory before the first change, so that a refusal changes nothing.
#include "crm/commands/merge.hpp"

#include <set>

#include "crm/commands/common.hpp"
#include "crm/commands/contact.hpp"
#include "crm/model/merge.hpp"
#include "crm/schema/records.hpp"
#include "crm/store/paths.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/item_edit.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/list_edit.hpp"
#include "crm/yaml/tree.hpp"

#include "lifecycle.hpp"

namespace crm::commands {

namespace {

struct Side {
    std::string slug;
    std::string file;
    std::string text;
    Client client;
};

Side read_side(Context& ctx, store::Transaction& tx, const std::string& slug) {
    Side s;
    s.slug = slug;
    s.file = ctx.folder().client_file(slug);
    auto text = tx.read(s.file);
    if (!text)
        throw RuntimeError(fmt::format("no client file {}", s.file));
    s.text = std::move(*text);
    s.client = schema::read_client(s.text, s.file);
    return s;
}

// OTHER's record files and where each goes in KEEP's folder, for every kind of record
// the store knows. Refuses a file that is not crm's (it would be lost with the folder) and
// a name KEEP already has.
std::vector<std::pair<std::string, std::string>> planned_moves(Context& ctx, const Side& keep,
                                                               const Side& other) {
    const auto& root = ctx.folder().root();
    std::vector<std::pair<std::string, std::string>> moves;
    std::set<std::string> known{other.file};
    for (RecordKind kind : kRecordKinds) {
        for (const auto& from : store::record_files(root, other.slug, kind)) {
            known.insert(from);
            const std::string name = from.substr(from.rfind('/') + 1);
            const std::string to = record_file_path(keep.slug, kind, name);
            if (ctx.folder().read(to))
                throw RuntimeError(fmt::format("cannot merge: {} exists already (as {})", to, from),
                                   "two records with one name: rename one of them by hand first");
            moves.emplace_back(from, to);
        }
    }
    for (const auto& f : store::client_dir_files(root, other.slug)) {
        if (!known.count(f))
            throw RuntimeError(
                fmt::format("cannot merge: {} is not a record crm knows, and would go with {}", f,
                            client_dir_path(other.slug)),
                fmt::format("move it into {} or remove it, then merge again",
                            client_dir_path(keep.slug)));
    }
    return moves;
}

std::string describe(const std::vector<MergeConflict>& conflicts) {
    std::vector<std::string> parts;
    for (const auto& c : conflicts)
        parts.push_back(fmt::format("{} ({} / {})", c.field, c.keep, c.other));
    return join(parts, ", ");
}

// KEEP's client.yaml with the plan applied, one surgical edit after another.
std::string merged_text(const Side& keep, const Side& other, const MergePlan& plan) {
    const std::string& file = keep.file;
    std::string t = keep.text;
    const yaml::Node other_root = yaml::parse(other.text, other.file);
    for (const auto& [key, value] : plan.text_fields) {
        // A custom field is copied as one value; a list or a map is for a person to copy.
        if (const yaml::Node* n = other_root.find(key); n && !n->is_scalar())
            throw RuntimeError(
                fmt::format("cannot merge: {} has '{}' as a list or map, which crm does not copy",
                            other.file, key),
                fmt::format("copy it into {} (crm edit {}) or remove it from {}, then merge again",
                            file, keep.slug, other.file));
        t = yaml::set_key(t, file, key, yaml::EditValue::text(value));
    }
    for (const auto& [key, value] : plan.raw_fields)
        t = yaml::set_key(t, file, key, yaml::EditValue::raw(value));
    for (const auto& [key, value] : plan.ratings)
        t = yaml::set_nested_key(t, file, "ratings", key, yaml::EditValue::raw(value));
    for (const auto& fill : plan.contact_fills)
        t = yaml::set_item_key(t, file, "contacts", fill.index, fill.field,
                               yaml::EditValue::text(fill.value));
    if (!plan.new_contacts.empty())
        t = with_new_contacts(t, file, plan.new_contacts);
    for (const auto& tag : plan.new_tags)
        t = yaml::add_list_item(t, file, "tags", tag);
    for (const auto& w : plan.new_watchers)
        t = yaml::add_list_item(t, file, "watchers", w);
    if (plan.notes)
        t = yaml::set_text_key(t, file, "notes", *plan.notes);
    (void)schema::read_client(t, file);  // it must still read as a client
    return t;
}

MergePrefer prefer_of(const std::string& p) {
    if (p.empty())
        return MergePrefer::none;
    return one_of("--prefer", p, {"keep", "other"}) == "keep" ? MergePrefer::keep
                                                              : MergePrefer::other;
}

}  // namespace

int merge(const MergeOptions& o, Context& ctx) {
    const MergePrefer prefer = prefer_of(o.prefer);
    const std::string keep_slug = resolve_client(ctx, o.keep);
    const std::string other_slug = resolve_client(ctx, o.other);
    if (keep_slug == other_slug)
        throw UsageError(
            fmt::format("'{}' and '{}' are both {}: a client cannot be merged with itself", o.keep,
                        o.other, client_dir_path(keep_slug)),
            "name two clients: crm merge KEEP OTHER");
    auto tx = ctx.transaction();
    const Side keep = read_side(ctx, tx, keep_slug);
    const Side other = read_side(ctx, tx, other_slug);
    require_committed(ctx, {keep_slug, other_slug}, "merge");
    const auto moves = planned_moves(ctx, keep, other);
    const MergePlan plan = plan_merge(keep.client, other.client, prefer, ctx.today());
    if (!plan.conflicts.empty() && prefer == MergePrefer::none)
        throw RuntimeError(
            fmt::format("{} and {} differ in {}", keep.client.name, other.client.name,
                        describe(plan.conflicts)),
            fmt::format("say whose values stay: crm merge {} {} --prefer keep (or --prefer other)",
                        keep_slug, other_slug));
    const std::string text = merged_text(keep, other, plan);

    for (const auto& [from, to] : moves)
        tx.rename(from, to);
    if (text != keep.text)
        tx.replace(keep.file, text);
    tx.remove(client_dir_path(other_slug));
    tx.commit(fmt::format("merge: {} into {} ({})", other.client.name, keep.client.name,
                          counted(moves.size(), "record")));

    ctx.out() << keep_slug << '\n';
    std::vector<std::string> joined;
    if (!moves.empty())
        joined.push_back(fmt::format("{} moved", counted(moves.size(), "record")));
    if (!plan.new_contacts.empty())
        joined.push_back(fmt::format("{} added", counted(plan.new_contacts.size(), "contact")));
    if (!plan.new_tags.empty())
        joined.push_back(counted(plan.new_tags.size(), "tag"));
    if (!plan.new_watchers.empty())
        joined.push_back(counted(plan.new_watchers.size(), "watcher"));
    ctx.note(fmt::format("merged {} ({}) into {}{}", other.client.name, client_dir_path(other_slug),
                         keep.client.name, joined.empty() ? "" : ": " + join(joined, ", ")));
    for (const auto& c : plan.conflicts)
        ctx.note(fmt::format("{}: {} ({}'s)", c.field,
                             prefer == MergePrefer::other ? c.other : c.keep,
                             prefer == MergePrefer::other ? other.client.name : keep.client.name));
    if (!plan.contact_differences.empty())
        ctx.note(fmt::format("kept {}'s {} ({}'s stays in git's history)", keep.client.name,
                             join(plan.contact_differences, ", "), other.client.name));
    return 0;
}

}  // namespace crm::commands
