#include "crm/commands/export.hpp"
#include "crm/commands/common.hpp"
#include "crm/formats/csv.hpp"
#include "crm/formats/record_csv.hpp"
#include "crm/formats/vcard_write.hpp"
#include "crm/model/contact.hpp"
#include "crm/os/files.hpp"
#include "crm/os/output_file.hpp"
#include "crm/os/uuid.hpp"
#include "crm/render/export_view.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/yaml/edit_value.hpp"
#include "crm/yaml/item_edit.hpp"

#include "export_records.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace crm::commands {

namespace {

// One row per contact (a client without contacts gets one row), every field of the
// client on each, in the columns `crm import` reads: export then import is a backup.
void client_table(Context& ctx, std::vector<DataError>& problems) {
    const std::vector<Client> clients = ctx.folder().load_clients(problems);
    std::vector<std::string> custom_keys;
    for (const auto& c : clients)
        for (const auto& [key, value] : c.custom)
            if (std::find(custom_keys.begin(), custom_keys.end(), key) == custom_keys.end())
                custom_keys.push_back(key);
    std::vector<std::string> columns = formats::client_columns();
    for (const auto& key : custom_keys)
        columns.push_back(formats::custom_column(key));
    std::ostream& out = ctx.out();
    out << formats::csv_row(columns);
    for (const auto& c : clients) {
        if (c.unreadable)
            continue;
        std::vector<Contact> contacts = c.contacts;
        if (contacts.empty())
            contacts.emplace_back();
        for (const auto& p : contacts)
            out << formats::csv_row(formats::client_cells(c, p, custom_keys));
    }
}

// Contacts crm did not create (a hand edit, a folder older than uids) get their uid the
// first time a vCard needs it, in a commit of its own: a UID that changed between two
// exports would be a new person on every phone.
void give_missing_uids(Context& ctx) {
    auto& folder = ctx.folder();
    std::vector<DataError> ignored;
    std::vector<Client> lacking;
    for (auto& c : folder.load_clients(ignored))
        if (!c.unreadable && std::any_of(c.contacts.begin(), c.contacts.end(),
                                         [](const Contact& p) { return p.uid.empty(); }))
            lacking.push_back(std::move(c));
    if (lacking.empty())
        return;
    auto tx = ctx.transaction();
    std::size_t given = 0;
    for (const auto& c : lacking) {
        const std::string file = folder.client_file(c.slug);
        auto text = tx.read(file);
        if (!text)
            continue;
        std::string edited = *text;
        std::size_t here = 0;
        try {
            // The contacts as the file has them now, under the lock.
            const Client now = schema::read_client(edited, file);
            for (std::size_t i = 0; i < now.contacts.size(); ++i) {
                if (!now.contacts[i].uid.empty())
                    continue;
                edited = yaml::set_item_key(edited, file, "contacts", i, "uid",
                                            yaml::EditValue::raw(os::new_uuid()));
                ++here;
            }
            if (auto p =
                    schema::check_file(edited, file, schema::FileKind::client, folder.settings());
                !p.empty())
                throw DataError(p.front());
        } catch (const Error& e) {
            // Its contacts go without a card this time; the others are not held back.
            ctx.warn(
                fmt::format("{}: no uid given ({}); its contacts without one are not "
                            "exported",
                            file, e.what()));
            continue;
        }
        if (!here)
            continue;
        tx.replace(file, edited);
        given += here;
    }
    if (given == 0)
        return;
    ctx.note(fmt::format("gave {} {} a uid, the identity of their vCard", given,
                         given == 1 ? "contact" : "contacts"));
    tx.commit("contacts: uids for vCard export");
}

// Every contact as a vCard, on stdout or as the files of a vdir.
void vcard_export(const ExportOptions& o, Context& ctx, std::vector<DataError>& problems) {
    give_missing_uids(ctx);
    const std::vector<Client> clients = ctx.folder().load_clients(problems);
    if (o.vdir.empty()) {
        for (const auto& c : clients)
            for (const auto& p : c.contacts)
                if (!p.uid.empty())
                    ctx.out() << formats::vcard_of(c, p);
        return;
    }
    namespace fs = std::filesystem;
    const fs::path dir(o.vdir);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir, ec))
        throw RuntimeError(fmt::format("--vdir: '{}' is not a folder", o.vdir),
                           "name a folder (it is created when missing)");
    std::set<std::string> kept;
    std::size_t written = 0, removed = 0;
    for (const auto& c : clients) {
        for (const auto& p : c.contacts) {
            if (p.uid.empty())
                continue;
            const std::string name = fmt::format("{}.vcf", ascii_lower(p.uid));
            kept.insert(name);
            const std::string card = formats::vcard_of(c, p);
            // An unchanged card is not rewritten: vdirsyncer uploads what changed.
            if (os::read_file(dir / name, 1 << 20).value_or(std::string()) == card)
                continue;
            os::write_output_file(dir / name, card);
            ++written;
        }
    }
    // Only the cards crm wrote (its PRODID, a uid's name) of contacts that are gone:
    // anything else in the folder is someone else's.
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".vcf") || kept.count(name) ||
            !is_uuid(name.substr(0, name.size() - 4)) || entry.is_symlink(ec) ||
            !entry.is_regular_file(ec))
            continue;
        const std::string text = os::read_file(entry.path(), 1 << 20).value_or(std::string());
        if (text.find(fmt::format("PRODID:{}\r\n", formats::kVCardProdId)) == std::string::npos)
            continue;
        fs::remove(entry.path(), ec);
        if (!ec)
            ++removed;
    }
    ctx.note(fmt::format("{}: {} written, {} unchanged, {} removed", o.vdir, written,
                         kept.size() - written, removed));
}

}  // namespace

int export_all(const ExportOptions& o, Context& ctx) {
    if (o.format == render::OutputFormat::json && !o.what.empty())
        throw UsageError("--what is for --format csv; JSON always holds everything",
                         fmt::format("crm export --format csv --what {}", o.what));
    std::ostream& out = ctx.out();
    std::vector<DataError> problems;
    if (o.format == render::OutputFormat::vcard && !o.what.empty())
        throw UsageError("--what is for --format csv; a vCard is one card per contact",
                         fmt::format("crm export --format csv --what {}", o.what));
    if (!o.vdir.empty() && o.format != render::OutputFormat::vcard)
        throw UsageError("--vdir is for --format vcard", "crm export --format vcard --vdir DIR");
    if (o.format == render::OutputFormat::vcard) {
        vcard_export(o, ctx, problems);
    } else if (o.format == render::OutputFormat::json) {
        render::JsonExport json(out, ctx.today());
        problems = ctx.for_each_record(store::Detail::full,
                                       [&](const ClientRecord& rec) { json.add(rec); });
        json.finish();
    } else {
        if (auto kind = table_kind(o.what))
            problems = record_table(*kind, ctx);
        else
            client_table(ctx, problems);
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
